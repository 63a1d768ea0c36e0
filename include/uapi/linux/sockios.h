/* Socket ioctls about interfaces (Linux's include/uapi/linux/sockios.h values); struct ifreq. */
#ifndef _UAPI_LINUX_SOCKIOS_H
#define _UAPI_LINUX_SOCKIOS_H

#define SIOCGIFNAME 0x8910   /* ifr_ifindex -> ifr_name */
#define SIOCGIFFLAGS 0x8913  /* ifr_name -> ifr_flags (IFF_UP...) */
#define SIOCSIFFLAGS 0x8914  /* ifr_name, ifr_flags: IFF_UP brings it up, without: down */
#define SIOCGIFMTU 0x8921    /* ifr_name -> ifr_mtu */
#define SIOCGIFHWADDR 0x8927 /* ifr_name -> ifr_hwaddr (sa_family ARPHRD_ETHER, the MAC) */
#define SIOCGIFINDEX 0x8933  /* ifr_name -> ifr_ifindex */

#endif
