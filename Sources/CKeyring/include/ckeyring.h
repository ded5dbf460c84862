#ifndef CKEYRING_H
#define CKEYRING_H
#include <stddef.h>

/// The Linux kernel keyring (keyrings(7)), for keeping an unlocked journal key for a while.
/// Each returns -1 (with errno) when the kernel or a sandbox refuses.

/// Adds (or replaces) a "user" key named `description` to the user keyring (this account's), readable only
/// by its possessor, expiring after `timeout_seconds`.
long ckeyring_add(const char *description, const void *payload, size_t length, unsigned timeout_seconds);
/// Reads the key named `description` from the user keyring (this account's) into `buffer`; the key's length.
long ckeyring_read(const char *description, void *buffer, size_t length);
/// Removes the key named `description` from the user keyring (this account's).
long ckeyring_forget(const char *description);

#endif
