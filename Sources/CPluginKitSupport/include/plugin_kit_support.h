/* C helpers for the Swift plugin kit: what Swift cannot reach in Glibc. */
#ifndef NEWSHOST_PLUGIN_KIT_SUPPORT_H
#define NEWSHOST_PLUGIN_KIT_SUPPORT_H

/* Marks the shared library that contains `address` as never to be unmapped
 * (RTLD_NODELETE), so a later dlclose by the host leaves it in place.
 * Returns 0 on success, -1 when the library could not be found. */
int nh_kit_pin_image(const void *address);

#endif
