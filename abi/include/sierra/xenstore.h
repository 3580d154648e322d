/*
 * The xenstore wire protocol and the ring page a domain uses to reach the
 * store (start_info.store_mfn, store_evtchn). A message is a header
 * (pv_xsd_sockmsg) followed by `len` bytes of NUL-separated strings; replies
 * echo req_id. Errors come back as type PV_XS_ERROR with an errno *name*
 * ("EINVAL") as payload, from the table PV_XSD_ERROR_LIST.
 */
#ifndef SIERRA_ABI_XENSTORE_H
#define SIERRA_ABI_XENSTORE_H

#include <stdint.h>

enum pv_xsd_sockmsg_type {
    PV_XS_CONTROL,              /* also known as XS_DEBUG */
    PV_XS_DIRECTORY,
    PV_XS_READ,
    PV_XS_GET_PERMS,
    PV_XS_WATCH,
    PV_XS_UNWATCH,
    PV_XS_TRANSACTION_START,
    PV_XS_TRANSACTION_END,
    PV_XS_INTRODUCE,
    PV_XS_RELEASE,
    PV_XS_GET_DOMAIN_PATH,
    PV_XS_WRITE,
    PV_XS_MKDIR,
    PV_XS_RM,
    PV_XS_SET_PERMS,
    PV_XS_WATCH_EVENT,
    PV_XS_ERROR,
    PV_XS_IS_DOMAIN_INTRODUCED,
    PV_XS_RESUME,
    PV_XS_SET_TARGET,
    PV_XS_RESET_WATCHES = PV_XS_SET_TARGET + 2,     /* 20 was XS_RESTRICT, removed */
    PV_XS_DIRECTORY_PART,
    PV_XS_TYPE_COUNT,
    PV_XS_INVALID = 0xffff,
};

/* watch events carry two strings: the path that changed, then the token */
enum pv_xs_watch_type {
    PV_XS_WATCH_PATH = 0,
    PV_XS_WATCH_TOKEN,
};

/* Error names a store may send, in the wire order (new ones only at the end). */
#define PV_XSD_ERROR_LIST(X) \
    X(EINVAL) X(EACCES) X(EEXIST) X(EISDIR) X(ENOENT) X(ENOMEM) X(ENOSPC) X(EIO) \
    X(ENOTEMPTY) X(ENOSYS) X(EROFS) X(EBUSY) X(EAGAIN) X(EISCONN) X(E2BIG) X(EPERM)

struct pv_xsd_sockmsg {
    uint32_t type;      /* PV_XS_* */
    uint32_t req_id;    /* echoed in the reply */
    uint32_t tx_id;     /* transaction, 0 = none */
    uint32_t len;       /* payload bytes that follow */
};

#define PV_XENSTORE_RING_SIZE       1024
#define PV_XENSTORE_PAYLOAD_MAX     4096
#define PV_XENSTORE_ABS_PATH_MAX    3072
#define PV_XENSTORE_REL_PATH_MAX    2048

#define PV_XENSTORE_SERVER_FEATURE_RECONNECTION 1
#define PV_XENSTORE_SERVER_FEATURE_ERROR        2
#define PV_XENSTORE_CONNECTED       0
#define PV_XENSTORE_RECONNECT       1
#define PV_XENSTORE_ERROR_NONE      0
#define PV_XENSTORE_ERROR_COMM      1
#define PV_XENSTORE_ERROR_RINGIDX   2
#define PV_XENSTORE_ERROR_PROTO     3

typedef uint32_t PV_XENSTORE_RING_IDX;
#define PV_MASK_XENSTORE_IDX(idx)   ((idx) & (PV_XENSTORE_RING_SIZE - 1))

struct pv_xenstore_domain_interface {
    char req[PV_XENSTORE_RING_SIZE];    /* guest -> store */
    char rsp[PV_XENSTORE_RING_SIZE];    /* store -> guest: replies and watch events */
    PV_XENSTORE_RING_IDX req_cons, req_prod;
    PV_XENSTORE_RING_IDX rsp_cons, rsp_prod;
    uint32_t server_features;           /* PV_XENSTORE_SERVER_FEATURE_* */
    uint32_t connection;                /* PV_XENSTORE_CONNECTED / RECONNECT */
    uint32_t error;                     /* PV_XENSTORE_ERROR_* */
};

#endif
