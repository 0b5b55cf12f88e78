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

    /// A body line that starts with a role word is a sentence, not a byline;
    /// names with 、 and a comma before another role still are one.
    @Test func sentencesThatStartWithARoleAreNotBylines() {
        #expect(Bylines.names(in: "记者注意到，现场秩序井然。") == nil)
        #expect(Bylines.names(in: "记者注意到") == nil || Bylines.names(in: "记者注意到，很多人") == nil)
        #expect(Bylines.names(in: "记者，现在请你谈谈看法") == nil)
        #expect(Bylines.names(in: "记者：这件事怎么看？") == nil)
        #expect(Bylines.names(in: "记者 张三、李四") == ["张三", "李四"])
        #expect(Bylines.names(in: "记者 张三，通讯员 李四") == ["张三", "李四"])
        #expect(Bylines.names(in: "（记者 江跃中 通讯员 濮蓉）") == ["江跃中", "濮蓉"])
    }
}
