/*
 * memset/memcpy/strlen and friends for a freestanding hypervisor. gcc may emit
 * calls to memset/memcpy/memmove/memcmp itself, so these must exist even where
 * no source file calls them.
 */
#include <hv/lib.h>

void *memset(void *s, int c, size_t n)
{
    void *d = s;
    asm volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
    return s;
}

void *memcpy(void *dst, const void *src, size_t n)
{
    void *d = dst;
    asm volatile("rep movsb" : "+D"(d), "+S"(src), "+c"(n) :: "memory");
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    if ( d <= s || d >= s + n )
        return memcpy(dst, src, n);
    while ( n-- )
        d[n] = s[n];
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;

    for ( ; n; n--, x++, y++ )
        if ( *x != *y )
            return *x - *y;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;

    while ( s[n] )
        n++;
    return n;
}

int strncmp(const char *a, const char *b, size_t n)
{
    for ( ; n; n--, a++, b++ )
    {
        if ( *a != *b )
            return (unsigned char)*a - (unsigned char)*b;
        if ( !*a )
            return 0;
    }
    return 0;
}

int strcmp(const char *a, const char *b)
{
    return strncmp(a, b, (size_t)-1);
}

void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;

    for ( ; n; n--, p++ )
        if ( *p == (unsigned char)c )
            return (void *)p;
    return NULL;
}
