import Testing

@testable import NewsHostCore

@Suite struct BylinesTests {
    @Test func everyRoleCanStartALine() {
        for role in Bylines.roles {
            #expect(Bylines.mayStart(with: role.unicodeScalars.first!), "\(role)")
            #expect(Bylines.names(in: Substring("\(role) 张三")) == ["张三"], "\(role)")
        }
        #expect(Bylines.mayStart(with: "（"))
        #expect(Bylines.mayStart(with: "本"))
        #expect(!Bylines.mayStart(with: "今"))
    }

    @Test func bulletsAreNoiseAndIdeographsAreNot() {
        for bullet in "●○■◆▲筅\u{FFFD}·•".unicodeScalars {
            #expect(Bylines.isNoise(bullet.value), "\(bullet)")
        }
        #expect(!Bylines.isNoise("记".unicodeScalars.first!.value))
        #expect(!Bylines.isNoise(0x20))
    }
}
