/*
 * The interface queries a program makes through any socket (Linux's
 * net/core/dev_ioctl.c): SIOCGIFINDEX turns "eth0" into the index that
 * sockaddr_ll wants, SIOCGIFHWADDR gives its MAC address, SIOCGIFNAME,
 * SIOCGIFFLAGS and SIOCGIFMTU the rest; SIOCSIFFLAGS brings an interface up
 * or down (what `ifconfig eth0 up` does). All take a struct ifreq.
 */
#include <linux/errno.h>
#include <linux/net.h>
#include <linux/netdevice.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <uapi/linux/if_arp.h>
#include <uapi/linux/sockios.h>

static void fill_ifreq(struct ifreq *ifr, unsigned int cmd, const struct net_device *dev)
{
	switch (cmd) {
	case SIOCGIFINDEX:
		ifr->ifr_ifindex = dev->ifindex;
		break;
	case SIOCGIFNAME:
		strscpy(ifr->ifr_name, dev->name, IFNAMSIZ);
		break;
	case SIOCGIFHWADDR:
		memset(&ifr->ifr_hwaddr, 0, sizeof(ifr->ifr_hwaddr));
		ifr->ifr_hwaddr.sa_family = ARPHRD_ETHER;
		memcpy(ifr->ifr_hwaddr.sa_data, dev->dev_addr, ETH_ALEN);
		break;
	case SIOCGIFFLAGS:
		ifr->ifr_flags = (short)(READ_ONCE(dev->flags) |
					 (netif_carrier_ok(dev) ? IFF_RUNNING : 0));
		break;
	case SIOCGIFMTU:
		ifr->ifr_mtu = (int)dev->mtu;
		break;
	}
}

/* SIOCSIFFLAGS: only IFF_UP may change. */
static int set_flags(struct net_device *dev, short flags)
{
	if (flags & IFF_UP)
		return dev_open(dev);
	return dev_close(dev);
}

long dev_ioctl(unsigned int cmd, void __user *arg)
{
	struct net_device *dev;
	struct ifreq ifr;
	int err;

	if (cmd != SIOCGIFINDEX && cmd != SIOCGIFNAME && cmd != SIOCGIFHWADDR &&
	    cmd != SIOCGIFFLAGS && cmd != SIOCGIFMTU && cmd != SIOCSIFFLAGS)
		return -ENOTTY;
	if (copy_from_user(&ifr, arg, sizeof(ifr)))
		return -EFAULT;
	ifr.ifr_name[IFNAMSIZ - 1] = '\0';
	dev = cmd == SIOCGIFNAME ? dev_get_by_index(ifr.ifr_ifindex) : dev_get_by_name(ifr.ifr_name);
	if (!dev)
		return -ENODEV;
	if (cmd == SIOCSIFFLAGS) {
		err = set_flags(dev, ifr.ifr_flags);
		dev_put(dev);
		return err;
	}
	fill_ifreq(&ifr, cmd, dev);
	dev_put(dev);
	return copy_to_user(arg, &ifr, sizeof(ifr)) ? -EFAULT : 0;
}
