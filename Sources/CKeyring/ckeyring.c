#define _GNU_SOURCE
#include "ckeyring.h"
#include <sys/syscall.h>
#include <unistd.h>

// From <linux/keyctl.h>, written out so no extra headers are needed.
// The user keyring: shared by this account's processes (a login session keyring is not
// always there: without pam_keyinit every process would get a keyring of its own).
#define USER_KEYRING (-4)
#define KEYCTL_SETPERM 5
#define KEYCTL_SEARCH 10
#define KEYCTL_READ 11
#define KEYCTL_SET_TIMEOUT 15
#define KEYCTL_INVALIDATE 21
#define POSSESSOR_ALL 0x3f000000

long ckeyring_add(const char *description, const void *payload, size_t length, unsigned timeout_seconds) {
    long serial = syscall(SYS_add_key, "user", description, payload, length, USER_KEYRING);
    if (serial < 0) return -1;
    if (syscall(SYS_keyctl, KEYCTL_SETPERM, serial, POSSESSOR_ALL) < 0 ||
        syscall(SYS_keyctl, KEYCTL_SET_TIMEOUT, serial, timeout_seconds) < 0) {
        syscall(SYS_keyctl, KEYCTL_INVALIDATE, serial);
        return -1;
    }
    return serial;
}

long ckeyring_read(const char *description, void *buffer, size_t length) {
    long serial = syscall(SYS_keyctl, KEYCTL_SEARCH, USER_KEYRING, "user", description, 0);
    if (serial < 0) return -1;
    return syscall(SYS_keyctl, KEYCTL_READ, serial, buffer, length);
}

long ckeyring_forget(const char *description) {
    long serial = syscall(SYS_keyctl, KEYCTL_SEARCH, USER_KEYRING, "user", description, 0);
    if (serial < 0) return -1;
    return syscall(SYS_keyctl, KEYCTL_INVALIDATE, serial);
}
