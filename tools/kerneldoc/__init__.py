# Janus kernel-doc, one module per step (parse, rules, tree, check, render, names,
# selftest); tools/kernel-doc.py is its command line (make kernel-doc-check, make docs).
