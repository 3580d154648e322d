/*
 * Boot-time range allocator. Keeps a sorted list of disjoint free ranges.
 * Adding merges with neighbours, reserving cuts a hole (possibly splitting a
 * range in two), allocating takes the highest suitable piece below a limit so
 * low memory stays free for things that need it. Pure logic, unit-tested.
 */
#include <hv/bootmem.h>
#include <hv/lib.h>

static int insert_at(struct bootmem *bm, unsigned int i, paddr_t start, paddr_t end)
{
    if ( bm->nr == BOOTMEM_MAX_RANGES )
        return -ENOSPC;
    memmove(&bm->range[i + 1], &bm->range[i], (bm->nr - i) * sizeof(bm->range[0]));
    bm->range[i] = (struct mem_range){ start, end };
    bm->nr++;
    return 0;
}

static void remove_at(struct bootmem *bm, unsigned int i)
{
    memmove(&bm->range[i], &bm->range[i + 1], (bm->nr - i - 1) * sizeof(bm->range[0]));
    bm->nr--;
}

int bootmem_add(struct bootmem *bm, paddr_t start, paddr_t end)
{
    unsigned int i = 0;
    int rc;

    if ( start > end )
        return -EINVAL;
    if ( start == end )
        return 0;
    rc = bootmem_reserve(bm, start, end);   /* overlaps merge, never double */
    if ( rc )
        return rc;
    while ( i < bm->nr && bm->range[i].end < start )
        i++;
    if ( i < bm->nr && bm->range[i].end == start )
    {
        bm->range[i].end = end;
        if ( i + 1 < bm->nr && bm->range[i + 1].start == end )
        {
            bm->range[i].end = bm->range[i + 1].end;
            remove_at(bm, i + 1);
        }
        return 0;
    }
    if ( i < bm->nr && bm->range[i].start == end )
    {
        bm->range[i].start = start;
        return 0;
    }
    return insert_at(bm, i, start, end);
}

int bootmem_reserve(struct bootmem *bm, paddr_t start, paddr_t end)
{
    if ( start > end )
        return -EINVAL;
    for ( unsigned int i = 0; i < bm->nr; i++ )
    {
        struct mem_range *r = &bm->range[i];

        if ( r->end <= start || r->start >= end )
            continue;
        if ( r->start < start && r->end > end )     /* hole in the middle */
        {
            int rc = insert_at(bm, i + 1, end, r->end);

            if ( rc )
                return rc;
            bm->range[i].end = start;
            return 0;
        }
        if ( r->start < start )
            r->end = start;
        else if ( r->end > end )
            r->start = end;
        else
        {
            remove_at(bm, i);
            i--;
        }
    }
    return 0;
}

int bootmem_alloc(struct bootmem *bm, u64 size, u64 align, paddr_t limit, paddr_t *out)
{
    if ( !size || !align || (align & (align - 1)) )
        return -EINVAL;
    for ( unsigned int i = bm->nr; i-- > 0; )
    {
        paddr_t top = MIN(bm->range[i].end, limit), base;

        if ( top < size )
            continue;
        base = ALIGN_DOWN(top - size, align);
        if ( base < bm->range[i].start )
            continue;
        *out = base;
        return bootmem_reserve(bm, base, base + size);
    }
    return -ENOMEM;
}

u64 bootmem_total(const struct bootmem *bm)
{
    u64 total = 0;

    for ( unsigned int i = 0; i < bm->nr; i++ )
        total += bm->range[i].end - bm->range[i].start;
    return total;
}
