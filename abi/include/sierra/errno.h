/*
 * Error numbers a hypercall returns (negated). The values are Xen's, so a guest
 * written for Xen reads the same errno from Sierra; abi/check verifies them
 * against Xen's public xen/errno.h.
 */
#ifndef SIERRA_ABI_ERRNO_H
#define SIERRA_ABI_ERRNO_H

#define EPERM            1  /* operation not permitted */
#define ENOENT           2  /* no such entry */
#define ESRCH            3  /* no such domain / vCPU */
#define EINTR            4
#define EIO              5
#define ENXIO            6
#define E2BIG            7  /* argument list too long */
#define ENOEXEC          8  /* bad executable format */
#define EBADF            9
#define ECHILD          10
#define EAGAIN          11  /* try again */
#define EWOULDBLOCK     EAGAIN
#define ENOMEM          12
#define EACCES          13  /* permission denied (also: interface version mismatch) */
#define EFAULT          14  /* bad guest address */
#define EBUSY           16  /* resource in use */
#define EEXIST          17
#define EXDEV           18
#define ENODEV          19
#define ENOTDIR         20
#define EISDIR          21
#define EINVAL          22  /* invalid argument */
#define ENFILE          23
#define EMFILE          24
#define ENOSPC          28
#define EROFS           30
#define EMLINK          31
#define EDOM            33
#define ERANGE          34
#define EDEADLK         35
#define EDEADLOCK       EDEADLK
#define ENAMETOOLONG    36
#define ENOLCK          37
#define ENOSYS          38  /* hypercall or subop not implemented */
#define ENOTEMPTY       39
#define ENODATA         61
#define ETIME           62
#define EBADMSG         74
#define EOVERFLOW       75
#define EILSEQ          84
#define ERESTART        85  /* hypercall preempted; the guest re-executes it */
#define ENOTSOCK        88
#define EMSGSIZE        90
#define EOPNOTSUPP      95
#define EADDRINUSE      98
#define EADDRNOTAVAIL   99
#define ENOBUFS        105
#define EISCONN        106
#define ENOTCONN       107
#define ETIMEDOUT      110
#define ECONNREFUSED   111

#endif
