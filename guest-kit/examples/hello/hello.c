/*
 * hello: the smallest port. Prints who it runs on and what the builder gave
 * it, then powers off. Runs unchanged as dom0 on Xen 4.17 and on Sierra.
 */
#include <sierra-guest/hypercall.h>
#include <sierra-guest/kit.h>

int main(void)
{
    long v = hyp_xen_version(PV_XENVER_version, 0);

    printf("hello from a guest-kit guest\n");
    printf("interface %ld.%ld\n", v >> 16, v & 0xffff);
    printf("magic %s, %lu pages, flags %#x\n", start_info->magic, start_info->nr_pages,
           start_info->flags & (PV_SIF_PRIVILEGED | PV_SIF_INITDOMAIN));
    return 0;
}
