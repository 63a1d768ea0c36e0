/*
 * inet.h: just enough ARP, IPv4 and ICMP to ping and be pinged over raw
 * Ethernet frames (user/lib/inet.c). Addresses are in host order; frames
 * are whole Ethernet frames, as an AF_PACKET SOCK_RAW socket carries them.
 */
#ifndef _INET_H
#define _INET_H

#include <stdint.h>

#define ETH_HDR 14
#define ARP_FRAME_LEN 42 /* Ethernet header + 28 bytes of ARP */

int parse_ip(const char *s, uint32_t *ip);     /* "10.0.0.2": 0, or -1 */
void format_ip(uint32_t ip, char *buf);        /* at least 16 bytes */
uint16_t inet_checksum(const void *data, int len);

int arp_is_request_for(const uint8_t *f, int n, uint32_t ip);
int arp_make_reply(uint8_t *f, const uint8_t mac[6]);   /* in place; its length */
int arp_make_request(uint8_t *f, const uint8_t mac[6], uint32_t sip, uint32_t tip);
int arp_is_reply_from(const uint8_t *f, int n, uint32_t ip, uint8_t mac[6]);

int icmp_is_echo_request_for(const uint8_t *f, int n, uint32_t ip);
void icmp_make_echo_reply(uint8_t *f, int n);           /* in place */
int icmp_make_echo_request(uint8_t *f, const uint8_t dmac[6], const uint8_t smac[6],
			   uint32_t sip, uint32_t dip, uint16_t id, uint16_t seq, int data_len);
/* An echo reply from ip to us with id: its sequence number, or -1. */
int icmp_echo_reply_seq(const uint8_t *f, int n, uint32_t ip, uint16_t id);

#endif
