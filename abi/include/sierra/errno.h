/*
 * Error numbers a hypercall returns, negated. The values are Xen's, so a guest
 * reads the same errno from Sierra as from Xen. The list is a table
 * (PV_ERRNO_LIST) so each user makes what it needs from one source: an enum
 * of PV_E* constants here, the hypervisor's short names, the tools' error
 * strings. EINTR and ERESTART are not here: Xen never lets them reach a guest.
 */
#ifndef SIERRA_ABI_ERRNO_H
#define SIERRA_ABI_ERRNO_H

/* X(name, value, description) */
#define PV_ERRNO_LIST(X) \
    X(EPERM,           1, "operation not permitted") \
    X(ENOENT,          2, "no such entry") \
    X(ESRCH,           3, "no such domain or vCPU") \
    X(EIO,             5, "I/O error") \
    X(ENXIO,           6, "no such device or address") \
    X(E2BIG,           7, "argument list too long") \
    X(ENOEXEC,         8, "bad executable format") \
    X(EBADF,           9, "bad file number") \
    X(ECHILD,         10, "no child") \
    X(EAGAIN,         11, "try again") \
    X(ENOMEM,         12, "out of memory") \
    X(EACCES,         13, "permission denied or interface version mismatch") \
    X(EFAULT,         14, "bad guest address") \
    X(EBUSY,          16, "resource busy") \
    X(EEXIST,         17, "already exists") \
    X(EXDEV,          18, "cross-device link") \
    X(ENODEV,         19, "no such device") \
    X(ENOTDIR,        20, "not a directory") \
    X(EISDIR,         21, "is a directory") \
    X(EINVAL,         22, "invalid argument") \
    X(ENFILE,         23, "file table overflow") \
    X(EMFILE,         24, "too many open files") \
    X(ENOSPC,         28, "no space left") \
    X(EROFS,          30, "read-only") \
    X(EMLINK,         31, "too many links") \
    X(EDOM,           33, "argument out of domain") \
    X(ERANGE,         34, "result out of range") \
    X(EDEADLK,        35, "deadlock would occur") \
    X(ENAMETOOLONG,   36, "name too long") \
    X(ENOLCK,         37, "no locks available") \
    X(ENOSYS,         38, "not implemented") \
    X(ENOTEMPTY,      39, "not empty") \
    X(ENODATA,        61, "no data available") \
    X(ETIME,          62, "timer expired") \
    X(EBADMSG,        74, "not a data message") \
    X(EOVERFLOW,      75, "value too large") \
    X(EILSEQ,         84, "illegal byte sequence") \
    X(ENOTSOCK,       88, "not a socket") \
    X(EMSGSIZE,       90, "message too long") \
    X(EOPNOTSUPP,     95, "operation not supported") \
    X(EADDRINUSE,     98, "address in use") \
    X(EADDRNOTAVAIL,  99, "address not available") \
    X(ENOBUFS,       105, "no buffer space") \
    X(EISCONN,       106, "already connected") \
    X(ENOTCONN,      107, "not connected") \
    X(ETIMEDOUT,     110, "timed out") \
    X(ECONNREFUSED,  111, "connection refused")

#ifndef __ASSEMBLY__
#define PV_ERRNO_ENUM_(name, value, text) PV_##name = value,
enum pv_errno { PV_ERRNO_LIST(PV_ERRNO_ENUM_) };
#undef PV_ERRNO_ENUM_
#endif

#endif
