import CPluginKitSupport

/// Keeps a Swift plugin's library mapped after the host's `dlclose`.
///
/// The Swift runtime registers every loaded image's type metadata and
/// protocol conformances and never forgets them; unmapping an image that
/// holds Swift code leaves the runtime pointing at freed memory, and the
/// next dynamic cast anywhere in the process crashes. Re-opening our own
/// image with `RTLD_NODELETE` makes the host's `dlclose` drop the reference
/// without unmapping it.
enum ImagePinning {
    static func pinImage(containing address: UnsafeRawPointer) {
        _ = nh_kit_pin_image(address)
    }
}
