/* net/if.h: interface names and indexes; struct ifreq for the SIOCGIF* ioctls (linux/sockios.h). */
#ifndef _NET_IF_H
#define _NET_IF_H

#include <linux/if.h>
#include <linux/sockios.h>

/* The index of interface `name` (SIOCGIFINDEX on a socket), or 0 with errno set. */
unsigned int if_nametoindex(const char *name);
/* The name of interface `index` into buf (IFNAMSIZ bytes), or NULL with errno set. */
char *if_indextoname(unsigned int index, char *buf);

#endif
