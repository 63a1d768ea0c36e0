#!/usr/bin/env python3
"""Write the tree a teacher hands out (make lab-handout, docs/labs.md): every
file git tracks, without the labs' reference solutions (labs/*/solution/);
a solution that is a link to a kernel file (lab 7's drivers/net/e1000_napi.c)
is handed out as the lab's skeleton of that file. Then prove that it builds: the kernel, and each lab's skeleton module with
make -C DIR M=DIR/labs/NN-name, as a student will.

    tools/lab-handout.py DIR           (DIR must not exist yet, or be empty)
    tools/lab-handout.py DIR --no-build
"""
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOLUTION = re.compile(r"^labs/[^/]+/solution/")


def tracked_files():
    out = subprocess.run(["git", "-C", ROOT, "ls-files", "-z"], stdout=subprocess.PIPE, check=True)
    return [f for f in out.stdout.decode().split("\0") if f]


def kernel_solutions():
    """(kernel file, skeleton) for each solution file that links into the kernel."""
    pairs = []
    for f in tracked_files():
        path = os.path.join(ROOT, f)
        if not SOLUTION.match(f) or not os.path.islink(path):
            continue
        target = os.path.relpath(os.path.realpath(path), ROOT)
        skeleton = os.path.join(os.path.dirname(os.path.dirname(f)), os.path.basename(f))
        if not target.startswith("labs/") and not os.path.islink(os.path.join(ROOT, skeleton)):
            pairs.append((target, skeleton))
    return pairs


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__.strip())
    dest = os.path.abspath(argv[0])
    if os.path.exists(dest) and os.listdir(dest):
        sys.exit("lab-handout: %s exists and is not empty" % dest)
    files = [f for f in tracked_files() if not SOLUTION.match(f) and os.path.exists(os.path.join(ROOT, f))]
    for f in files:
        os.makedirs(os.path.dirname(os.path.join(dest, f)), exist_ok=True)
        shutil.copy2(os.path.join(ROOT, f), os.path.join(dest, f))
    for kernel_file, skeleton in kernel_solutions():
        shutil.copy2(os.path.join(ROOT, skeleton), os.path.join(dest, kernel_file))
        print("lab-handout: %s is %s's skeleton" % (kernel_file, skeleton))
    labs = sorted({f.split("/")[1] for f in files if re.match(r"^labs/\d\d-[^/]+/", f)})
    print("lab-handout: %d files in %s (labs %s; solutions left out)" % (len(files), dest, ", ".join(labs)))
    if "--no-build" in argv:
        return 0
    make = ["make", "-s", "--no-print-directory", "-C", dest]
    if subprocess.run(make + ["-j2", "all"]).returncode:
        sys.exit("lab-handout: the handout's kernel does not build")
    for lab in labs:
        if subprocess.run(make + ["M=" + os.path.join(dest, "labs", lab)]).returncode:
            sys.exit("lab-handout: lab %s's skeleton does not build" % lab)
        subprocess.run(make + ["M=" + os.path.join(dest, "labs", lab), "clean"], check=True)
    print("lab-handout: the kernel and every lab's skeleton build")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
