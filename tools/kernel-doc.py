#!/usr/bin/env python3
"""Janus kernel-doc: checks and renders the API comments (Python 3 standard library only).

Every non-static function defined in kernel/, arch/, drivers/ and lib/ needs Linux's
kernel-doc comment, above its definition or above its prototype in a header:

    /**
     * name() - One-line summary.
     * @arg:   what the argument is (one line per parameter; @...: for varargs)
     *
     * Optional description.
     *
     * Context: which contexts may call it; whether it may sleep.
     * Return: what it returns (required unless the function returns void).
     */

A function whose body calls might_sleep(), might_sleep_if() or might_fault()
must say "may sleep" in its Context: line (for the case that sleeps, if it
distinguishes cases): the comment states the rule the run-time check enforces.
Conversely a Context: that says "does not sleep" must not belong to a function
that calls, directly or through other functions, one that may sleep.

    tools/kernel-doc.py check           check what tools/kernel-doc.enforced lists
    tools/kernel-doc.py check PATH...   check these files or directories (exit 1 on a problem)
    tools/kernel-doc.py stats           documented/total per directory, for every file
    tools/kernel-doc.py render OUTDIR   write OUTDIR/<dir>.md, the API reference (make docs)
    tools/kernel-doc.py selftest        the checker on tests/kernel-doc/fixture.c
    tools/kernel-doc.py names [PATH...] comments and documents (those listed in
                                        tools/kernel-doc.enforced, but for the whole
                                        kernel/, arch/, drivers/, lib/) name only what the
                                        code defines, and each "step N of docs/X.md" is right

Why not Linux's scripts/kernel-doc: it comes with Debian's linux-source package
(about 130 MB, a tarball to unpack) and needs Perl; it renders but has no notion
of "every function must have a comment" or of might_sleep(). This is the same
comment format, so the comments stay readable by Linux's tool.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE_DIRS = ["kernel", "arch", "drivers", "lib"]
HEADER_DIRS = ["include", "arch/x86/include"]
ENFORCED = os.path.join(ROOT, "tools", "kernel-doc.enforced")

DOC = re.compile(r"/\*\*(.*?)\*/", re.S)
DOC_TITLE = re.compile(r"^\s*(\w+)\(\)\s+-\s+(\S.*)$")
SLEEP_CALL = re.compile(r"\b(might_sleep|might_sleep_if|might_fault)\s*\(")
MAY_SLEEP = re.compile(r"\bmay sleep\b", re.I)
NO_SLEEP = re.compile(r"\b(does not|never|must not|cannot) sleep", re.I)
NOT_FUNCTION = {"if", "while", "for", "switch", "return", "sizeof", "__attribute__",
                "typeof", "__typeof__", "asm", "__asm__"}


class Func:
    def __init__(self, name, path, line, head, body, params, returns_void, static, inline):
        self.name, self.path, self.line = name, path, line
        self.head, self.body, self.params = head, body, params
        self.returns_void, self.static, self.inline = returns_void, static, inline


class Doc:
    def __init__(self, name, summary, path, line, text):
        self.name, self.summary, self.path, self.line = name, summary, path, line
        self.args = {}       # name -> description
        self.sections = {}   # "Context" / "Return" -> text
        self.description = []
        self.problems = []
        self.parse(text)

    def parse(self, text):
        lines = [re.sub(r"^\s*\*?\s?", "", ln, count=1) for ln in text.split("\n")]
        while lines and not DOC_TITLE.match(lines[0]):
            lines.pop(0)  # up to and including the title line
        lines = lines[1:]
        current = None
        for ln in lines:
            m = re.match(r"^@(\w+|\.\.\.):\s*(.*)$", ln)
            s = re.match(r"^(Context|Return|Returns|Note|Example|Locking):\s*(.*)$", ln)
            if m:
                current = ("arg", m.group(1))
                self.args[m.group(1)] = m.group(2).strip()
            elif s:
                key = "Return" if s.group(1) == "Returns" else s.group(1)
                current = ("section", key)
                self.sections[key] = s.group(2).strip()
            elif not ln.strip():
                current = None if current and current[0] == "arg" else current
                if current is None or current[0] == "desc":
                    self.description.append("")
                    current = ("desc", None) if current else None
                elif current[0] == "section":
                    self.sections[current[1]] += "\n"
            elif current and current[0] == "arg":
                self.args[current[1]] = (self.args[current[1]] + " " + ln.strip()).strip()
            elif current and current[0] == "section":
                self.sections[current[1]] = (self.sections[current[1]] + " " + ln.strip()).strip()
            else:
                current = ("desc", None)
                self.description.append(ln.rstrip())
        for key in self.sections:
            self.sections[key] = re.sub(r"\s+", " ", self.sections[key]).strip()
        while self.description and not self.description[-1]:
            self.description.pop()
        while self.description and not self.description[0]:
            self.description.pop(0)


def blank_out(text):
    """The text with comments, string and character literals and preprocessor lines
    replaced by spaces (newlines kept, so offsets and line numbers stay)."""
    out = list(text)
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c == "#":
            j = i
            while j < n and not (text[j] == "\n" and text[j - 1] != "\\"):
                j += 1
            for k in range(i, j):
                if out[k] != "\n":
                    out[k] = " "
            i = j
            continue
        if c == "\n":
            at_line_start = True
            i += 1
            continue
        if c not in " \t":
            at_line_start = False
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            j += 1
        else:
            i += 1
            continue
        for k in range(i, min(j, n)):
            if out[k] != "\n":
                out[k] = " "
        i = j
    return "".join(out)


def split_params(plist):
    """Parameter names from a parameter list's text."""
    plist = plist.strip()
    if plist in ("", "void"):
        return []
    params, depth, cur = [], 0, ""
    for c in plist:
        if c == "," and depth == 0:
            params.append(cur)
            cur = ""
            continue
        depth += c in "([" and 1 or 0
        depth -= c in ")]" and 1 or 0
        cur += c
    params.append(cur)
    names = []
    for p in params:
        p = p.strip()
        if p == "...":
            names.append("...")
            continue
        m = re.search(r"\(\s*\*\s*(\w+)\s*\)", p)  # function pointer: int (*fn)(void *)
        if m:
            names.append(m.group(1))
            continue
        p = re.sub(r"\[[^\]]*\]", "", p)
        p = re.sub(r"__\w+(\(\([^)]*\)\))?", "", p).strip()  # attributes like __user
        m = re.search(r"(\w+)\s*$", p)
        names.append(m.group(1) if m else p)
    return names


def functions(path):
    """Every function defined in the file at path (a .c file, or a header's inlines)."""
    text = open(os.path.join(ROOT, path), encoding="utf-8", errors="replace").read()
    code = blank_out(text)
    found = []
    depth, start, i, n = 0, 0, 0, len(code)
    while i < n:
        c = code[i]
        if c == "{":
            if depth == 0:
                head = code[start:i]
                f = as_function(path, text, code, head, start, i)
                if f:
                    found.append(f)
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                start = i + 1
                if found and found[-1].body is None:
                    found[-1].body = code[found[-1]._body_start:i + 1]
        elif c == ";" and depth == 0:
            start = i + 1
        i += 1
    return [f for f in found if f.body is not None]


def as_function(path, text, code, head, start, brace):
    h = head.strip()
    if not h.endswith(")") or "=" in h:
        return None
    # The parameter list is the last balanced (...) group; strip trailing attributes first.
    while True:
        m = re.search(r"(__attribute__\s*\(\(.*\)\)|__\w+(\([^()]*\))?)\s*$", h)
        if not m or m.start() == 0 or not h[:m.start()].rstrip().endswith(")"):
            break
        h = h[:m.start()].rstrip()
    depth, j = 0, len(h) - 1
    while j >= 0:
        depth += h[j] == ")"
        depth -= h[j] == "("
        if depth == 0:
            break
        j -= 1
    m = re.search(r"(\w+)\s*$", h[:j])
    if not m or m.group(1) in NOT_FUNCTION:
        return None
    name = m.group(1)
    before = h[:m.start()]
    if not before.strip() or re.fullmatch(r"[A-Z_0-9]+", name):
        return None  # a macro invocation such as DEFINE_PER_CPU(...) {...}: not a C function
    words = set(re.findall(r"\w+", before))
    bare = re.sub(r"__attribute__\s*\(\(.*?\)\)|\b__\w+(\([^()]*\))?", " ", before)
    returns_void = re.search(r"\bvoid\s*$", bare) is not None
    line = text.count("\n", 0, start + len(head) - len(head.lstrip())) + 1
    f = Func(name, path, line, h, None, split_params(h[j + 1:-1]), returns_void,
             "static" in words, "inline" in words)
    f._body_start = brace
    return f


def doc_blocks(path):
    """The kernel-doc comments in a file: name -> Doc."""
    text = open(os.path.join(ROOT, path), encoding="utf-8", errors="replace").read()
    docs = {}
    for m in DOC.finditer(text):
        first = m.group(1).split("\n")
        title = first[1] if len(first) > 1 and not first[0].strip() else first[0]
        title = re.sub(r"^\s*\*?\s?", "", title)
        t = DOC_TITLE.match(title)
        if not t:
            continue  # a struct/DOC: block, or not kernel-doc
        docs[t.group(1)] = Doc(t.group(1), t.group(2), path, text.count("\n", 0, m.start()) + 1,
                               m.group(1))
    return docs


def walk(dirs, exts):
    out = []
    for d in dirs:
        for dirpath, _, files in os.walk(os.path.join(ROOT, d)):
            for f in files:
                if f.endswith(exts):
                    out.append(os.path.relpath(os.path.join(dirpath, f), ROOT))
    return sorted(out)


class Tree:
    def __init__(self):
        self.sources = [p for p in walk(SOURCE_DIRS, (".c",)) if not p.endswith("asm-offsets.c")]
        self.headers = walk(HEADER_DIRS, (".h",))
        self.header_docs = {}
        for h in self.headers:
            for name, d in doc_blocks(h).items():
                self.header_docs.setdefault(name, d)
        self.funcs = []
        self.docs = {}
        for s in self.sources:
            self.docs[s] = doc_blocks(s)
            self.funcs += [f for f in functions(s) if not f.static]
        # The inline functions of the API headers: checked where a header is enforced.
        for h in walk(["include/linux"], (".h",)):
            self.funcs += functions(h)
        self.sleepers = sleepers([f for src in self.sources for f in functions(src)])

    def problems(self, f):
        return problems(f, self.doc_for(f), self.sleepers)

    def doc_for(self, f):
        return self.docs.get(f.path, {}).get(f.name) or self.header_docs.get(f.name)


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


FIXTURE = "tests/kernel-doc/fixture.c"


def selftest():
    """The checker on tests/kernel-doc/fixture.c: each function's EXPECT lines
    are exactly what it must report."""
    text = open(os.path.join(ROOT, FIXTURE)).read()
    docs = doc_blocks(FIXTURE)
    failures, funcs = 0, functions(FIXTURE)
    fixture_sleepers = sleepers(funcs)
    for f in funcs:
        start = text.rfind("}", 0, text.index(f.head)) if f.line > 1 else 0
        want = sorted(re.findall(r"EXPECT (.*?) \*/", text[start:text.index(f.head)]))
        want = [] if want == ["ok"] else want
        got = [] if f.static else sorted(p.split("(): ", 1)[1].split(" (")[0]
                                         for p in problems(f, docs.get(f.name), fixture_sleepers))
        if got != want:
            failures += 1
            print("kernel-doc selftest: %s(): expected %s, got %s" % (f.name, want, got))
    # The names check: the fixture's comments name one function that exists
    # nowhere, one step that is about another file, and Linux's own function.
    stale = [p.split(": ", 1)[1] for p in stale_names(FIXTURE, defined_names())]
    want = ["names no_such_function_anywhere, which no code defines or uses",
            'step 3 of docs/interrupts.md is "`do_IRQ` (`arch/x86/irq.c`)", not %s' % FIXTURE]
    if stale != want:
        failures += 1
        print("kernel-doc selftest: names: expected %s, got %s" % (want, stale))
    # A "!" line leaves a file out of a tree the list enforces.
    listing = ["kernel", "!kernel/fs/file.c"]
    if in_paths("kernel/fs/file.c", listing) or not in_paths("kernel/fs/open.c", listing):
        failures += 1
        print("kernel-doc selftest: a \"!\" line does not leave its file out")
    print("kernel-doc selftest: %d fixtures and the names check, %d failures" %
          (len(funcs), failures))
    return 1 if failures or len(funcs) < 7 else 0


def in_paths(path, paths):
    """Whether @path is one of @paths or below one, and not below a "!path"."""
    def below(p):
        return path == p or path.startswith(p.rstrip("/") + "/")
    return any(below(p) for p in paths if not p.startswith("!")) and \
        not any(below(p[1:]) for p in paths if p.startswith("!"))


def enforced_paths():
    paths = []
    for line in open(ENFORCED):
        line = line.split("#", 1)[0].strip()
        if line:
            paths.append(line)
    return paths


def names_paths():
    """The listed paths the names check reads: all but the whole source trees,
    whose lines only make every function below them need its comment."""
    return [p for p in enforced_paths() if p not in SOURCE_DIRS]


def check(tree, paths):
    for p in paths:
        if not p.startswith("!") and not os.path.exists(os.path.join(ROOT, p)):
            print("kernel-doc: %s: no such file or directory" % p)
            return 1
    funcs = [f for f in tree.funcs if in_paths(f.path, paths)]
    problems = [p for f in funcs for p in tree.problems(f)]
    for p in problems:
        print(p)
    where = ", ".join(paths) if len(paths) <= 3 else "%d files or directories" % len(paths)
    print("kernel-doc: %d functions checked in %s, %d problems" % (len(funcs), where, len(problems)))
    return 1 if problems else 0


def stats(tree):
    """Per directory: functions fully documented / all, and how many are enforced."""
    enforced = enforced_paths()
    rows, totals = {}, {".c": [0, 0, 0], ".h": [0, 0, 0]}
    for f in tree.funcs:
        ok, on = not tree.problems(f), in_paths(f.path, enforced)
        for key in (os.path.dirname(f.path), os.path.splitext(f.path)[1]):
            row = rows.setdefault(key, [0, 0, 0]) if key not in totals else totals[key]
            row[0] += ok
            row[1] += 1
            row[2] += on
    for d in sorted(rows):
        print("%-24s %4d/%-4d documented, %4d enforced" % (d, *rows[d]))
    print("%-24s %4d/%-4d non-static functions in .c files documented, %d enforced" %
          ("total", *totals[".c"]))
    print("%-24s %4d/%-4d inline functions of include/linux headers documented, %d enforced" %
          ("total", *totals[".h"]))
    return 0


def md_escape(s):
    return s.replace("<", "&lt;").replace(">", "&gt;")


def page_of(f):
    """The API page a function is on: its directory, two levels deep."""
    parts = f.path.split("/")
    return re.sub(r"\.[ch]$", "", "-".join(parts[:2]) if len(parts) > 2 else parts[0])


def render(tree, outdir):
    os.makedirs(outdir, exist_ok=True)
    for old in os.listdir(outdir):  # every page is generated: none may go stale
        if old.endswith(".md"):
            os.remove(os.path.join(outdir, old))
    groups = {}
    for f in tree.funcs:
        groups.setdefault(page_of(f), []).append(f)
    index = ["# Janus API reference", "",
             "Generated by `make docs` (tools/kernel-doc.py) from the kernel-doc comments;"
             " do not edit. Each function says which contexts may call it and whether it"
             " may sleep.", ""]
    for key in sorted(groups):
        funcs = sorted(groups[key], key=lambda f: (f.path, f.line))
        documented = [f for f in funcs if tree.doc_for(f)]
        index.append("- [%s](%s.md): %d of %d functions documented"
                     % (key.replace("-", "/"), key, len(documented), len(funcs)))
        out = ["# %s" % key.replace("-", "/"), ""]
        missing = []
        for f in funcs:
            d = tree.doc_for(f)
            if not d:
                missing.append(f)
                continue
            out += ["## %s()" % f.name, "", "```c", re.sub(r"\s+", " ", f.head) + ";", "```", "",
                    md_escape(d.summary), ""]
            if f.params:
                out += ["| parameter | |", "|---|---|"]
                out += ["| `%s` | %s |" % (p, md_escape(d.args.get(p, "?"))) for p in f.params]
                out.append("")
            if d.description:
                out += [md_escape(ln) for ln in d.description] + [""]
            for sec in ("Context", "Return", "Locking", "Note", "Example"):
                if d.sections.get(sec):
                    out += ["**%s:** %s" % (sec, md_escape(d.sections[sec])), ""]
            out += ["*Defined in %s:%d.*" % (f.path, f.line), ""]
        if missing:
            out += ["## Not documented yet", ""]
            out += ["- `%s()` (%s:%d)" % (f.name, f.path, f.line) for f in missing]
            out.append("")
        with open(os.path.join(outdir, key + ".md"), "w") as fh:
            fh.write("\n".join(out))
    index += ["", "## Which functions may sleep", "",
              "Every documented function, with its `Context:` line: the ones marked"
              " *may sleep* must not be called from a hardirq or softirq handler, a"
              " tasklet, a timer callback, or with a spinlock held (might_sleep()"
              " reports it).", "",
              "| function | may sleep | context |", "|---|---|---|"]
    for f in sorted(tree.funcs, key=lambda f: f.name):
        d = tree.doc_for(f)
        if d and d.sections.get("Context"):
            ctx = d.sections["Context"]
            index.append("| [`%s()`](%s.md#%s) | %s | %s |" %
                         (f.name, page_of(f), f.name.lower(),
                          "**may sleep**" if MAY_SLEEP.search(ctx) else "no",
                          md_escape(ctx).replace("|", "\\|")))
    with open(os.path.join(outdir, "README.md"), "w") as fh:
        fh.write("\n".join(index) + "\n")
    print("kernel-doc: wrote %s/README.md and %d pages" % (os.path.relpath(outdir), len(groups)))
    return 0


NAME_DIRS = ["kernel", "arch", "drivers", "lib", "include", "tests", "user", "boot"]
CALL = re.compile(r"`?\b([A-Za-z_]\w*)\(\)")
TICKED = re.compile(r"`([A-Za-z_]\w*)`")
PATH = re.compile(r"(?<![\w/.])((?:kernel|arch|drivers|lib|include|tests|user|tools|docs|boot)"
                  r"/[\w/.-]*\w\.(?:c|h|asm|S|md|py|sh))\b")
SNAKE = re.compile(r"\b([a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9])\b(?![_*])")
STEP = re.compile(r"\bsteps? (\d+)(?:(?:,| and| or) (\d+))* of\s+\**\s*(docs/[\w-]+\.md)")
# Names a comment or document may mention that Janus does not define: other
# systems' functions (said so in the text: "Linux's", "xv6") and C/POSIX ones.
FOREIGN = re.compile(r"Linux|Pintos|xv6|POSIX|libc|blog_os|Intel|QEMU|GRUB|gdb|seed \d", re.I)


def defined_names():
    """Every identifier the code of the tree uses (comments and strings left out),
    and X for every system call sys_X."""
    names = set()
    for path in walk(NAME_DIRS, (".c", ".h", ".S", ".asm", ".py")) + ["linker.ld", "Makefile"]:
        text = open(os.path.join(ROOT, path), encoding="utf-8", errors="replace").read()
        if path.endswith((".c", ".h")):
            names.update(re.findall(r"^\s*#\s*define\s+(\w+)", text, re.M))
            code = re.sub(r"/\*.*?\*/|//[^\n]*", " ", text, flags=re.S)
        elif path.endswith(".asm"):
            code = re.sub(r";[^\n]*", " ", text)
        else:
            code = re.sub(r"#[^\n]*|/\*.*?\*/", " ", text, flags=re.S)
        names.update(re.findall(r"[A-Za-z_]\w*", code))
        # names an assembler macro makes: vector_%[v] stands for vector_0 .. vector_255
        names.update("%s%d" % (p, i) for p in re.findall(r"(\w+)%\[", text) for i in range(256))
    names.update(n[4:] for n in list(names) if n.startswith("sys_"))
    names.update(os.path.splitext(os.path.basename(p))[0] for p in walk(NAME_DIRS + ["docs"], ""))
    return names


def comment_texts(path):
    """(line, text) of every comment in a source file, or every line of a document."""
    text = open(os.path.join(ROOT, path), encoding="utf-8", errors="replace").read()
    if path.endswith(".md"):  # paragraph by paragraph: "Linux's" may be a line away
        return [(text.count("\n", 0, m.start()) + 1, m.group(0))
                for m in re.finditer(r"(?:[^\n]+\n?)+", text)], text
    out = []
    pattern = r"/\*.*?\*/|//[^\n]*" if not path.endswith(".asm") else r";[^\n]*"
    for m in re.finditer(pattern, text, re.S):
        out.append((text.count("\n", 0, m.start()) + 1, m.group(0)))
    return out, text


def doc_sections(doc):
    """A document's numbered section headings ("## 3. `do_IRQ` (`arch/x86/irq.c`)")."""
    text = open(os.path.join(ROOT, doc), encoding="utf-8").read()
    return {int(n): h for n, h in re.findall(r"^#+\s*(\d+)\.(.*)$", text, re.M)}


def names_check(paths):
    """Comments in the files of @paths (and the headers, assembly files and
    documents listed there) name only what exists."""
    names = defined_names()
    files = [p for p in walk(["kernel", "arch", "drivers", "lib", "include", "docs"],
                             (".c", ".h", ".asm", ".S", ".md")) + ["README.md"]
             if in_paths(p, paths)]
    problems = [p for path in files for p in stale_names(path, names)]
    for p in problems:
        print(p)
    print("kernel-doc names: %d files read, %d problems" % (len(files), len(problems)))
    return 1 if problems else 0


def stale_names(path, names):
    """The names and steps the comments (or the text) of one file get wrong."""
    problems = []
    if True:
        comments, text = comment_texts(path)
        for line, comment in comments:
            flat = re.sub(r"\s*\n\s*\*?\s*", " ", comment)
            mentioned = list(CALL.finditer(flat))
            if path.endswith(".md"):
                mentioned += [m for m in TICKED.finditer(flat) if "_" in m.group(1)]
            else:
                mentioned += list(SNAKE.finditer(flat))
            for name in sorted({m.group(1) for m in mentioned}):
                if name in names or name.rstrip("s") in names or FOREIGN.search(flat):
                    continue
                problems.append("%s:%d: names %s, which no code defines or uses" % (path, line, name))
            for m in PATH.finditer(flat):
                placeholder = re.search(r"\b[A-Z]{2,}\b", m.group(1))  # user/bin/NAME.c
                if not os.path.exists(os.path.join(ROOT, m.group(1))) and \
                        not FOREIGN.search(flat) and not placeholder:
                    problems.append("%s:%d: names %s, which does not exist" %
                                    (path, line, m.group(1)))
            for m in STEP.finditer(flat):
                doc = m.group(3)
                if not os.path.exists(os.path.join(ROOT, doc)):
                    problems.append("%s:%d: names %s, which does not exist" % (path, line, doc))
                    continue
                sections = doc_sections(doc)
                steps = [int(n) for n in re.findall(r"\d+", m.group(0).split(" of")[0])]
                for n in steps:
                    heading = sections.get(n)
                    if heading is None:
                        problems.append("%s:%d: %s has no step %d" % (path, line, doc, n))
                    elif os.path.basename(path) not in heading:
                        problems.append("%s:%d: step %d of %s is \"%s\", not %s" %
                                        (path, line, n, doc, heading.strip(), path))
    return problems


def main(argv):
    if argv[:1] == ["selftest"]:
        return selftest()
    if not argv or argv[0] not in ("check", "stats", "render", "names"):
        print(__doc__)
        return 2
    tree = Tree()
    if argv[0] == "check":
        return check(tree, argv[1:] or enforced_paths())
    if argv[0] == "stats":
        return stats(tree)
    if argv[0] == "names":
        return names_check(argv[1:] or names_paths())
    return render(tree, argv[1] if len(argv) > 1 else os.path.join(ROOT, "docs", "api"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
