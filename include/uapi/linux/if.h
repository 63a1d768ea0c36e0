/* Network interface names and flags (Linux's include/uapi/linux/if.h values). */
#ifndef _UAPI_LINUX_IF_H
#define _UAPI_LINUX_IF_H

#define IFNAMSIZ 16
#define IFF_UP 0x1        /* administratively up: opened */
#define IFF_BROADCAST 0x2
#define IFF_RUNNING 0x40  /* up and the link (carrier) is there */

#endif
