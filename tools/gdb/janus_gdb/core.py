# Reading the stopped kernel's memory: symbols, 32-bit words, container_of and
# struct list_head lists. Every other module of janus_gdb builds on these.
import gdb


def sym(name):
    return gdb.parse_and_eval(name)


def container_of(ptr, type_name, member):
    t = gdb.lookup_type(type_name)
    offset = next(f.bitpos // 8 for f in t.fields() if f.name == member)
    addr = int(ptr.cast(gdb.lookup_type("unsigned long"))) - offset
    return gdb.Value(addr).cast(t.pointer())


def list_for_each(head, type_name, member):
    """The entries of a struct list_head list (head is the list_head value)."""
    node = head["next"]
    while int(node) != int(head.address):
        yield container_of(node, type_name, member)
        node = node["next"]


def read_u32(addr):
    return int(gdb.Value(addr).cast(gdb.lookup_type("unsigned int").pointer()).dereference())
