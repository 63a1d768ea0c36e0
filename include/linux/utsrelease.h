/* The Janus release, as uname -r would say it and as modules' vermagic names it. */
#ifndef _LINUX_UTSRELEASE_H
#define _LINUX_UTSRELEASE_H

#define UTS_RELEASE "0.2.0-janus"

#endif
