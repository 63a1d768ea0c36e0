# Reading C for kernel-doc: comments and literals blanked out, the functions a file
# defines (name, parameters, body) and its /** kernel-doc */ blocks.
import os
import re


ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


DOC = re.compile(r"/\*\*(.*?)\*/", re.S)
DOC_TITLE = re.compile(r"^\s*(\w+)\(\)\s+-\s+(\S.*)$")


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
