# Which files kernel-doc reads: the source trees, the API headers, and the list
# the checks enforce (tools/kernel-doc.enforced).
import os
from .parse import ROOT, functions, doc_blocks
from .rules import sleepers, problems


SOURCE_DIRS = ["kernel", "arch", "drivers", "net", "lib"]
# Test machinery that modules call too, so it is API: the simulated IRQ lines.
EXTRA_SOURCES = ["tests/kernel/irq_sim.c"]
HEADER_DIRS = ["include", "arch/x86/include"]
# The headers whose inline functions are API too (include/uapi is user space's).
INLINE_DIRS = ["include/linux", "include/janus", "include/kunit", "include/trace", "arch/x86/include"]
ENFORCED = os.path.join(ROOT, "tools", "kernel-doc.enforced")


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
        self.sources += EXTRA_SOURCES
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
        for h in walk(INLINE_DIRS, (".h",)):
            self.funcs += functions(h)
        self.sleepers = sleepers([f for src in self.sources for f in functions(src)])

    def problems(self, f):
        return problems(f, self.doc_for(f), self.sleepers)

    def doc_for(self, f):
        return self.docs.get(f.path, {}).get(f.name) or self.header_docs.get(f.name)


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
