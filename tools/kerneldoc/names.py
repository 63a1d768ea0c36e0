# `kernel-doc.py names`: comments and documents name only functions and files that
# exist, and each "step N of docs/X.md" is that document's step N.
import os
import re
from .parse import ROOT
from .tree import walk, in_paths


NAME_DIRS = ["kernel", "arch", "drivers", "net", "lib", "include", "tests", "user", "boot"]
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
    files = [p for p in walk(["kernel", "arch", "drivers", "net", "lib", "include", "docs"],
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
