/*
 * The kit's grant-table helpers (v1): grant another domain access to one of
 * our frames, end it, map someone's grant into our address space, copy
 * through a grant. kit_grant_init() sets up and maps our table (one frame:
 * 512 references, the first 8 reserved as the ABI says).
 */
#ifndef SIERRA_GUEST_GRANT_H
#define SIERRA_GUEST_GRANT_H

#include <stdint.h>
#include <sierra/grant-table.h>

long kit_grant_init(void *table_va);
long kit_grant_access(uint16_t domid, unsigned long mfn, int readonly);   /* ref or -errno */
long kit_grant_end(uint32_t ref);           /* 0, or -EBUSY while it is mapped */
/* map (dom, ref) at va; *handle for the unmap; GNTST_* status */
long kit_grant_map(uint16_t dom, uint32_t ref, void *va, int readonly, uint32_t *handle);
long kit_grant_unmap(void *va, uint32_t handle);
/* copy len bytes from (dom, ref, offset) into our frame mfn at dst_offset */
long kit_grant_copy_in(uint16_t dom, uint32_t ref, uint16_t offset, unsigned long mfn,
                       uint16_t dst_offset, uint16_t len);

#endif
