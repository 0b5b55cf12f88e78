import CNewsHostPlugin
import Testing

/// Swift's import of the header must lay the structs out as the C compiler
/// does (abi_layout.c asserts the C side of these offsets at compile time).
@Suite struct ABILayoutTests {
    @Test func swiftSeesTheOffsetsTheCCompilerAsserts() {
        #expect(MemoryLayout<nh_article>.offset(of: \nh_article.struct_size) == 0)
        #expect(MemoryLayout<nh_article>.offset(of: \nh_article.id) == 8)
        #expect(MemoryLayout<nh_plugin_descriptor>.offset(of: \nh_plugin_descriptor.id) == 8)
        #expect(MemoryLayout<nh_str>.size == 2 * MemoryLayout<Int>.size)
        #expect(MemoryLayout<nh_str_list>.size == 2 * MemoryLayout<Int>.size)
        // Appended in 1.2, after 1.1's record.
        #expect(MemoryLayout<nh_article>.offset(of: \nh_article.flags) == 272)
        #expect(MemoryLayout<nh_article>.size == 280)
    }
}
