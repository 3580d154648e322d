/*
 * Shared request/response rings, the layout every split driver uses (block,
 * net, ...). One shared page holds a header and an array of slots; each slot
 * holds a request or, once answered, its response. Indices are free-running
 * 32-bit counters (slot = index & (size - 1)).
 *   frontend: writes requests at req_prod, reads responses up to rsp_prod
 *   backend:  reads requests up to req_prod, writes responses at rsp_prod
 * Each side notifies the other (event channel) only when the other asked to be
 * woken at an index inside what was just published (req_event/rsp_event), so
 * a busy ring costs no notifications.
 *
 * PV_DEFINE_RING_TYPES(name, request type, response type) defines
 * struct name_sring (the shared page), name_front_ring and name_back_ring
 * (each side's private cursor).
 */
#ifndef SIERRA_ABI_RING_H
#define SIERRA_ABI_RING_H

#include <stddef.h>
#include <stdint.h>

typedef unsigned int PV_RING_IDX;

#define PV_DEFINE_RING_TYPES(name, req_t, rsp_t)                            \
union name##_sring_entry {                                                  \
    req_t req;                                                              \
    rsp_t rsp;                                                              \
};                                                                          \
struct name##_sring {                                                       \
    PV_RING_IDX req_prod, req_event;                                        \
    PV_RING_IDX rsp_prod, rsp_event;                                        \
    uint8_t pvt[4];         /* driver-private (netif: smartpoll_active) */  \
    uint8_t pad_[44];       /* slots start at byte 64 */                    \
    union name##_sring_entry ring[];                                        \
};                                                                          \
struct name##_front_ring {                                                  \
    PV_RING_IDX req_prod_pvt;   /* requests written, not yet published */  \
    PV_RING_IDX rsp_cons;       /* responses consumed */                    \
    unsigned int nr_ents;                                                   \
    struct name##_sring *sring;                                             \
};                                                                          \
struct name##_back_ring {                                                   \
    PV_RING_IDX rsp_prod_pvt;   /* responses written, not yet published */ \
    PV_RING_IDX req_cons;       /* requests consumed */                     \
    unsigned int nr_ents;                                                   \
    struct name##_sring *sring;                                             \
}

/* Slots in a ring of `bytes` whose slots are `entry` bytes: a power of two. */
static inline unsigned int pv_ring_size(size_t bytes, size_t header, size_t entry)
{
    size_t n = (bytes - header) / entry, pow2 = 1;

    while ( pow2 * 2 <= n )
        pow2 *= 2;
    return (unsigned int)pow2;
}

#define PV_RING_SIZE(name, bytes) \
    pv_ring_size(bytes, offsetof(struct name##_sring, ring), sizeof(union name##_sring_entry))

/* Both sides start from a zeroed header; the frontend's sring_init does it. */
#define PV_SHARED_RING_INIT(s) do {                                         \
        (s)->req_prod = (s)->rsp_prod = 0;                                  \
        (s)->req_event = (s)->rsp_event = 1;                                \
    } while ( 0 )

#define PV_FRONT_RING_INIT(r, s, bytes, name) do {                          \
        (r)->req_prod_pvt = (r)->rsp_cons = 0;                              \
        (r)->nr_ents = PV_RING_SIZE(name, bytes);                           \
        (r)->sring = (s);                                                   \
    } while ( 0 )

#define PV_BACK_RING_INIT(r, s, bytes, name) do {                           \
        (r)->rsp_prod_pvt = (r)->req_cons = 0;                              \
        (r)->nr_ents = PV_RING_SIZE(name, bytes);                           \
        (r)->sring = (s);                                                   \
    } while ( 0 )

#define PV_RING_GET_REQUEST(r, idx)  (&(r)->sring->ring[(idx) & ((r)->nr_ents - 1)].req)
#define PV_RING_GET_RESPONSE(r, idx) (&(r)->sring->ring[(idx) & ((r)->nr_ents - 1)].rsp)
#define PV_RING_FREE_REQUESTS(r)     ((r)->nr_ents - ((r)->req_prod_pvt - (r)->rsp_cons))

/*
 * True when publishing moved the producer index from `old` past `event`, the
 * index the consumer asked to be woken at.
 */
static inline int pv_ring_need_notify(PV_RING_IDX old, PV_RING_IDX now, PV_RING_IDX event)
{
    return (PV_RING_IDX)(now - event) < (PV_RING_IDX)(now - old);
}

/* Publish private requests/responses; set `notify` if the peer must be woken.
 * The release fence orders slot writes before the index; the full fence orders
 * the index write before reading the peer's event index. */
#define PV_RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(r, notify) do {              \
        PV_RING_IDX old_ = (r)->sring->req_prod;                            \
        __atomic_thread_fence(__ATOMIC_RELEASE);                            \
        (r)->sring->req_prod = (r)->req_prod_pvt;                           \
        __atomic_thread_fence(__ATOMIC_SEQ_CST);                            \
        (notify) = pv_ring_need_notify(old_, (r)->req_prod_pvt,             \
                                       (r)->sring->req_event);              \
    } while ( 0 )

#define PV_RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(r, notify) do {             \
        PV_RING_IDX old_ = (r)->sring->rsp_prod;                            \
        __atomic_thread_fence(__ATOMIC_RELEASE);                            \
        (r)->sring->rsp_prod = (r)->rsp_prod_pvt;                           \
        __atomic_thread_fence(__ATOMIC_SEQ_CST);                            \
        (notify) = pv_ring_need_notify(old_, (r)->rsp_prod_pvt,             \
                                       (r)->sring->rsp_event);              \
    } while ( 0 )

#endif
