import CNewsHostPlugin

/// An ABI struct that starts with its `struct_size`: whoever filled it
/// knew the fields up to that size, so a field a later minor appended is
/// read only when the size reaches past it (the header's `NH_HAS_FIELD`).
public protocol VersionedStruct {
    /// `struct_size`: `sizeof` the struct as whoever filled it knew it.
    var structSize: UInt32 { get }
}

extension VersionedStruct {
    /// Whether the struct as filled reaches past `field` (`NH_HAS_FIELD`).
    public func has<Value>(_ field: KeyPath<Self, Value>) -> Bool {
        guard let offset = MemoryLayout<Self>.offset(of: field) else { return false }
        return Int(structSize) >= offset + MemoryLayout<Value>.size
    }
}

extension nh_article: VersionedStruct {
    public var structSize: UInt32 { struct_size }
}

extension nh_host_api: VersionedStruct {
    public var structSize: UInt32 { struct_size }
}
