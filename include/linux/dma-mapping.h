/*
 * Memory a device reads and writes by itself (DMA), Linux's API
 * (kernel/dma/direct.c). On this PC a device sees physical memory directly,
 * and the CPU's caches snoop its accesses, so a DMA address is the physical
 * address and "coherent" memory is ordinary memory. What the API still
 * checks is reach: a device whose DMA mask is narrower than the memory (QEMU's
 * edu reaches only the first 256 MiB) must not be handed a buffer above it.
 *
 *   dma_alloc_coherent(): a buffer both sides use all along (descriptor rings)
 *   dma_map_single():     hand an existing buffer to the device for one transfer
 */
#ifndef _LINUX_DMA_MAPPING_H
#define _LINUX_DMA_MAPPING_H
#include <linux/device.h>
#include <linux/gfp.h>
#include <linux/types.h>

enum dma_data_direction { DMA_BIDIRECTIONAL, DMA_TO_DEVICE, DMA_FROM_DEVICE };

#define DMA_BIT_MASK(n) (((n) == 64) ? ~0ULL : ((1ULL << (n)) - 1))
#define DMA_MAPPING_ERROR (~(dma_addr_t)0)

int dma_set_mask(struct device *dev, u64 mask);
void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp);
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle);
dma_addr_t dma_map_single(struct device *dev, void *ptr, size_t size,
			  enum dma_data_direction dir);
void dma_unmap_single(struct device *dev, dma_addr_t addr, size_t size,
		      enum dma_data_direction dir);
/**
 * dma_mapping_error() - Whether dma_map_single() failed.
 * @dev:  the device the address was mapped for
 * @addr: what dma_map_single() returned
 *
 * Context: any context; does not sleep.
 * Return: nonzero if @addr is DMA_MAPPING_ERROR.
 */
static inline int dma_mapping_error(struct device *dev, dma_addr_t addr)
{
	(void)dev;
	return addr == DMA_MAPPING_ERROR;
}

#endif
