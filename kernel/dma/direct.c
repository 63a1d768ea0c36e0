/*
 * DMA on a machine where devices see physical memory as it is (no IOMMU)
 * and caches are coherent with DMA: the DMA address of a buffer is its
 * physical address. The only thing to check is that the device can reach it.
 */
#include <linux/export.h>
#include <asm/page.h>
#include <linux/dma-mapping.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>

static bool reachable(struct device *dev, phys_addr_t phys, size_t size)
{
	return (u64)phys + size - 1 <= dev->dma_mask;
}

/**
 * dma_set_mask() - Say which addresses @dev's DMA can reach.
 * @dev:  the device
 * @mask: DMA_BIT_MASK(bits): the highest address it can reach
 *
 * Context: process context, in probe().
 * Return: 0, or -EIO for a mask that cannot reach even the kernel's memory.
 */
int dma_set_mask(struct device *dev, u64 mask)
{
	if (mask < DMA_BIT_MASK(24))
		return -EIO;
	dev->dma_mask = mask;
	return 0;
}

/**
 * dma_alloc_coherent() - Memory the CPU and @dev share for as long as needed.
 * @dev:        the device
 * @size:       bytes; whole pages are allocated, physically contiguous, zeroed
 * @dma_handle: where the device's address of it goes
 * @gfp:        GFP_KERNEL in process context, GFP_ATOMIC elsewhere
 *
 * Context: process context with GFP_KERNEL (may sleep); any context with GFP_ATOMIC.
 * Return: the CPU's address, or NULL if memory is short or out of @dev's reach.
 */
void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp)
{
	unsigned int order = get_order(size);
	struct page *page = alloc_pages(gfp | __GFP_ZERO, order);

	if (!page)
		return NULL;
	if (!reachable(dev, page_to_phys(page), size)) {
		__free_pages(page, order);
		return NULL;
	}
	*dma_handle = page_to_phys(page);
	return page_address(page);
}
EXPORT_SYMBOL(dma_alloc_coherent);

/**
 * dma_free_coherent() - Free what dma_alloc_coherent() gave.
 * @dev:        the device, which must no longer use the memory
 * @size:       the size asked for
 * @cpu_addr:   the CPU's address
 * @dma_handle: the device's address
 *
 * Context: any context.
 */
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle)
{
	(void)dev;
	(void)dma_handle;
	free_pages((unsigned long)cpu_addr, get_order(size));
}
EXPORT_SYMBOL(dma_free_coherent);

/**
 * dma_map_single() - Hand a buffer of the kernel's direct map to @dev.
 * @dev:  the device
 * @ptr:  the buffer (kmalloc or page memory, physically contiguous)
 * @size: its length
 * @dir:  which way the data goes (no cache work is needed on x86)
 *
 * Context: any context.
 * Return: the device's address, or DMA_MAPPING_ERROR if @dev cannot reach it.
 */
dma_addr_t dma_map_single(struct device *dev, void *ptr, size_t size,
			  enum dma_data_direction dir)
{
	phys_addr_t phys = __pa(ptr);

	(void)dir;
	return reachable(dev, phys, size) ? (dma_addr_t)phys : DMA_MAPPING_ERROR;
}
EXPORT_SYMBOL(dma_map_single);

/**
 * dma_unmap_single() - The device is done with a dma_map_single() buffer.
 * @dev:  the device
 * @addr: the device's address
 * @size: its length
 * @dir:  as mapped
 *
 * Context: any context.
 */
void dma_unmap_single(struct device *dev, dma_addr_t addr, size_t size,
		      enum dma_data_direction dir)
{
	(void)dev;
	(void)addr;
	(void)size;
	(void)dir;
}
EXPORT_SYMBOL(dma_unmap_single);
