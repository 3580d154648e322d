/*
 * vsnprintf for the hypervisor: the C conversions the code needs (d i u x X o
 * c s p %), flags '-', '0' and '#', width and precision (also '*'), length
 * modifiers hh h l ll z. %p prints 0x and 16 hex digits. Like C's, the result
 * is always NUL-terminated when size > 0 and the return value is the length the
 * full output would have had. Pure logic, unit-tested on the host.
 */
#include <hv/lib.h>

struct out {
    char *buf;
    size_t size;
    size_t len;
};

static void put(struct out *o, char c)
{
    if ( o->len + 1 < o->size )
        o->buf[o->len] = c;
    o->len++;
}

static void put_repeat(struct out *o, char c, int n)
{
    while ( n-- > 0 )
        put(o, c);
}

struct spec {
    bool left, zero, alt;
    int width, precision;   /* precision < 0: none given */
};

static void put_string(struct out *o, const char *s, const struct spec *sp)
{
    int len = 0;

    if ( !s )
        s = "(null)";
    while ( s[len] && (sp->precision < 0 || len < sp->precision) )
        len++;
    if ( !sp->left )
        put_repeat(o, ' ', sp->width - len);
    for ( int i = 0; i < len; i++ )
        put(o, s[i]);
    if ( sp->left )
        put_repeat(o, ' ', sp->width - len);
}

static void put_number(struct out *o, u64 v, bool negative, unsigned int base,
                       bool upper, const char *prefix, const struct spec *sp)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    int n = 0, prefix_len = (int)strlen(prefix) + (negative ? 1 : 0);
    int zeros, pad;

    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while ( v );
    if ( sp->precision == 0 && n == 1 && tmp[0] == '0' )
        n = 0;
    zeros = sp->precision > n ? sp->precision - n : 0;
    pad = sp->width - n - zeros - prefix_len;
    if ( sp->zero && !sp->left && sp->precision < 0 && pad > 0 )
    {
        zeros += pad;
        pad = 0;
    }
    if ( !sp->left )
        put_repeat(o, ' ', pad);
    if ( negative )
        put(o, '-');
    for ( ; *prefix; prefix++ )
        put(o, *prefix);
    put_repeat(o, '0', zeros);
    while ( n )
        put(o, tmp[--n]);
    if ( sp->left )
        put_repeat(o, ' ', pad);
}

/* '#': 0x/0X before non-zero hex, 0 before non-zero octal (as C does) */
static const char *alt_prefix(char conv, u64 v, const struct spec *sp)
{
    if ( !sp->alt || !v )
        return "";
    return conv == 'x' ? "0x" : conv == 'X' ? "0X" : conv == 'o' ? "0" : "";
}

static int parse_int(const char **fmt, va_list *ap)
{
    int v = 0;

    if ( **fmt == '*' )
    {
        (*fmt)++;
        return va_arg(*ap, int);
    }
    while ( **fmt >= '0' && **fmt <= '9' )
        v = v * 10 + *(*fmt)++ - '0';
    return v;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap_in)
{
    struct out o = { buf, size, 0 };
    va_list ap;

    va_copy(ap, ap_in);
    for ( ; *fmt; fmt++ )
    {
        struct spec sp = { false, false, false, 0, -1 };
        int length = 0;     /* -2 hh, -1 h, 0 int, 1 long, 2 long long */
        u64 v;
        bool neg = false;

        if ( *fmt != '%' )
        {
            put(&o, *fmt);
            continue;
        }
        fmt++;
        for ( ;; fmt++ )
        {
            if ( *fmt == '-' )
                sp.left = true;
            else if ( *fmt == '0' )
                sp.zero = true;
            else if ( *fmt == '#' )
                sp.alt = true;
            else
                break;
        }
        sp.width = parse_int(&fmt, &ap);
        if ( sp.width < 0 )
        {
            sp.left = true;
            sp.width = -sp.width;
        }
        if ( *fmt == '.' )
        {
            fmt++;
            sp.precision = parse_int(&fmt, &ap);
        }
        for ( ;; fmt++ )
        {
            if ( *fmt == 'h' )
                length--;
            else if ( *fmt == 'l' || *fmt == 'z' )
                length++;
            else
                break;
        }

        switch ( *fmt )
        {
        case 'd': case 'i':
        {
            s64 s = length >= 1 ? va_arg(ap, long) : va_arg(ap, int);

            if ( length == -1 )
                s = (short)s;
            else if ( length <= -2 )
                s = (signed char)s;
            neg = s < 0;
            put_number(&o, neg ? -(u64)s : (u64)s, neg, 10, false, "", &sp);
            break;
        }
        case 'u': case 'x': case 'X': case 'o':
            v = length >= 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
            if ( length == -1 )
                v = (unsigned short)v;
            else if ( length <= -2 )
                v = (unsigned char)v;
            put_number(&o, v, false, *fmt == 'o' ? 8 : *fmt == 'u' ? 10 : 16,
                       *fmt == 'X', alt_prefix(*fmt, v, &sp), &sp);
            break;
        case 'p':
            sp.precision = 2 * sizeof(void *);      /* every digit of the pointer */
            put_number(&o, (u64)(uintptr_t)va_arg(ap, void *), false, 16, false, "0x", &sp);
            break;
        case 'c':
        {
            char c[2] = { (char)va_arg(ap, int), 0 };

            sp.precision = 1;
            put_string(&o, c, &sp);
            break;
        }
        case 's':
            put_string(&o, va_arg(ap, const char *), &sp);
            break;
        case '%':
            put(&o, '%');
            break;
        default:            /* unknown conversion: print it as written */
            put(&o, '%');
            if ( !*fmt )
                goto done;
            put(&o, *fmt);
            break;
        }
    }
 done:
    va_end(ap);
    if ( size )
        buf[o.len < size ? o.len : size - 1] = '\0';
    return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
