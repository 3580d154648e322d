#!/usr/bin/env bash
# Sierra's control ABI from dom0 (guest-kit/control/domctl): sysctl physinfo
# and getdomaininfolist, domctl create/getdomaininfo/max_mem/destroy and
# every refusal (interface version, flags, names, ids, limits, destroying
# dom0). Domains created and destroyed must give back every page: the guest
# checks free memory before and after, the hypervisor audits each destroy.
# Not compared with Xen: domctl/sysctl are Sierra's own interface.
. "$(dirname "$0")/../lib/tap.sh"

boot domctl -m 1024 -a 'dom0_mem=256M' -r "$TOP/build/guest-kit/control/domctl" -t 120
expect_status 0 "$STATUS" "the control guest powers off: QEMU exits with 0"
expect_line '^domctl: 0 failed$' "every control check passes"
expect_no_line '^not ok' "no control check fails"
expect_line '^ok [0-9]+ - created 15 domains until -ENOSPC$' "domains up to the table's size"
expect_line '^ok [0-9]+ - after destroying them all, every page is back$' "no page leaked"
expect_no_line 'frame audit: [1-9]' "every destroy leaves a clean frame audit"
expect_no_line 'leaked' "no frame reported leaked"
finish
