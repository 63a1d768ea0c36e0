# What a kernel-doc comment must say: every parameter, Context: and Return:, and a
# Context: that agrees with might_sleep() through the call graph.
import re


SLEEP_CALL = re.compile(r"\b(might_sleep|might_sleep_if|might_fault)\s*\(")
MAY_SLEEP = re.compile(r"\bmay sleep\b", re.I)
NO_SLEEP = re.compile(r"\b(does not|never|must not|cannot) sleep", re.I)


def sleepers(funcs):
    """name -> the call that may sleep, for every non-static function that may sleep:
    one that calls might_sleep(), might_fault() or schedule(), or calls such a
    function. A call is resolved as the compiler would: a static function of the
    same file first, else the global one; calls through pointers (->fn(), .fn())
    are not followed."""
    key = {}
    for f in funcs:
        key[(f.path, f.name) if f.static else ("", f.name)] = f
    calls = {}
    for k, f in key.items():
        names = re.findall(r"(?<![\w>.])([A-Za-z_]\w*)\s*\(", f.body)
        calls[k] = {(f.path, n) if (f.path, n) in key else ("", n) for n in names}
    seeds = {("", m) for m in ("might_sleep", "might_fault", "schedule")}
    found = {k: sorted(c & seeds)[0] for k, c in calls.items() if c & seeds}
    while True:
        more = {k: sorted(c & found.keys())[0] for k, c in calls.items()
                if k not in found and c & found.keys()}
        if not more:
            break
        found.update(more)
    # name -> next name in the chain, for the non-static functions the check reports
    return {k[1]: v[1] for k, v in found.items() if k[0] == ""}


def problems(f, d, sleepers=None):
    """What is wrong with function f's kernel-doc comment d (None: there is none)."""
    if True:
        where = "%s:%d: %s()" % (f.path, f.line, f.name)
        if not d:
            return ["%s: no kernel-doc comment (/** %s() - summary ... */)" % (where, f.name)]
        out = []
        for p in f.params:
            if not d.args.get(p):
                out.append("%s: no @%s: line" % (where, p))
        for a in d.args:
            if a not in f.params:
                out.append("%s: @%s: names no parameter" % (where, a))
        context = d.sections.get("Context", "")
        if not context:
            out.append("%s: no Context: line (may it sleep? from which contexts?)" % where)
        if not f.returns_void and not d.sections.get("Return"):
            out.append("%s: returns a value but has no Return: line" % where)
        call = SLEEP_CALL.search(f.body)
        if call and context and not MAY_SLEEP.search(context):
            out.append("%s: calls %s() but its Context: does not say it may sleep"
                       % (where, call.group(1)))
        elif sleepers and f.name in sleepers and NO_SLEEP.search(context) and \
                not MAY_SLEEP.search(context):
            chain, n = [], f.name
            while n in sleepers and n not in chain and len(chain) < 6:
                chain.append(n)
                n = sleepers[n]
            out.append("%s: its Context: says it does not sleep, but %s() may sleep"
                       % (where, " -> ".join(chain[1:] + [n])))
        return out
