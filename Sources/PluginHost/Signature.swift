/// A hook's type, parsed from the ABI's signature strings such as
/// `i32(ptr,ptr,ptr)`.
public struct Signature: Hashable, Sendable, CustomStringConvertible {
    /// The scalar types a signature can name.
    public enum ValueType: String, Sendable, CaseIterable {
        case void, i32, u32, i64, u64, f64, ptr, size
    }

    /// The return type.
    public var returnType: ValueType
    /// The argument types, in order.
    public var arguments: [ValueType]

    /// Creates a signature.
    public init(returnType: ValueType, arguments: [ValueType]) {
        self.returnType = returnType
        self.arguments = arguments
    }

    /// Why a signature string could not be parsed.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        /// What is wrong with it.
        public var description: String
    }

    /// Parses `ret(arg,arg,…)`; spaces are not allowed, `()` means no arguments.
    public init(parsing text: String) throws(ParseError) {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else {
            throw ParseError(description: "expected `ret(arg,…)`")
        }
        let returnName = String(text[..<open])
        guard let returnType = ValueType(rawValue: returnName) else {
            throw ParseError(description: "unknown return type `\(returnName)`")
        }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        var arguments: [ValueType] = []
        if !inner.isEmpty {
            for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
                guard let type = ValueType(rawValue: String(part)), type != .void else {
                    throw ParseError(description: "unknown argument type `\(part)`")
                }
                arguments.append(type)
            }
        }
        self.init(returnType: returnType, arguments: arguments)
    }

    /// The canonical text form, e.g. `i32(ptr,ptr,ptr)`.
    public var description: String {
        "\(returnType.rawValue)(\(arguments.map(\.rawValue).joined(separator: ",")))"
    }
}

/// The hooks ABI v1 defines, with their signatures.
public enum HookName: String, Sendable, CaseIterable {
    case create, process, finish, destroy
    /// The exporters' second commit phase (added in 1.1).
    case commit
    /// An exporter's record, formatted on the host's worker threads (added in 1.1).
    case prepare

    /// The signature the ABI requires for this hook.
    public var requiredSignature: Signature {
        switch self {
        case .create, .process, .prepare: return Signature(returnType: .i32, arguments: [.ptr, .ptr, .ptr])
        case .finish, .commit: return Signature(returnType: .i32, arguments: [.ptr])
        case .destroy: return Signature(returnType: .void, arguments: [.ptr])
        }
    }

    /// Whether a plugin must provide the hook.
    public var isRequired: Bool { self == .create || self == .process || self == .destroy }

    /// The ABI minor that added the hook; a plugin declaring it must declare
    /// at least this minor (an older host would never call it).
    public var addedInMinor: Int { isForExportersOnly ? 1 : 0 }

    /// Whether only an exporter may declare the hook.
    public var isForExportersOnly: Bool { self == .commit || self == .prepare }
}
