"""Chinese respect.abuse cues of the sixth pass (branch respect6-zh), written from the COLD and SWSR
rows kept outside the corpus (labelled samples and the rest of the pools, tests/corpus/README.md):
他妈 as an intensifier after a pronoun or an adverb, group slurs (女权癌, 劣等民族, 黄皮猪, 苏北狗,
小鬼子 ...), 逼 insults spelt by sound (啥逼, 臭逼), contempt said to the reader (鄙视你), 傻逼
spaced out, the pinyin curses mmp / md beside Chinese text, a group called thieves or liars
("河南人都是骗子"), "go back to / get out of <place>" (滚回老家, 滚出中国), 愚蠢的 + a person,
"this person is a dog", a group called 贱 (贱族).

For each: the positive, the negated (or denied) use, and the look-alike that must stay clean.
Profanity is reported also when denied ("Profanity is still reported", abuse/README.md): for those
entries the "negated" case is the harmless reading the allowlist keeps clean."""

from __future__ import annotations

import pytest
from policy_helpers import check_cue, error_rules

ABUSE = "respect.abuse"

CASES = [
    # (positive, negated, look-alike)
    ("你他妈睁开眼睛看看", "你他妈妈今天来过", "他妈妈在店里等你"),
    ("还他妈这么贵！", "还他妈妈一个公道", "还给他妈妈了"),
    ("就他妈骗子", "家里就他妈妈一个人", "就他一个人"),
    ("太他媽慢了", "太他媽媽的手藝好了", "太慢了"),
    ("又是一群女权癌", "你不是女权癌", "女权运动的历史"),
    ("他们说这是劣等民族", "他们不是劣等民族", "劣等生也能进步"),
    ("这种贱男就该分手", "无贵贱男女少长", "贱卖清仓"),
    ("一群黄皮猪", "他不是黄皮猪", "黄皮的猪肉"),
    ("你们这些苏北狗", "你不是苏北狗", "苏北的狗很多"),
    ("那些小鬼子又来了", "他不是小鬼子", "小鬼也来了"),
    ("都他妈外地人，臭逼", "你不是臭逼", "臭豆腐"),
    ("某些啥逼看见了", "你不是啥逼", "有啥比这更好"),
    ("作为云南人真的鄙视你", "我不鄙视你", "鄙视链是客观存在的"),
    ("这帮傻 逼又说屏坏了", "你不是傻 逼", "他傻 笑了半天"),
    ("被我赶跑，md，他们", "md文件已经发给你", "我只用md听歌"),
    ("好看的女朋友竟然分手mmp", "mmp", "mmp-9 蛋白"),
    ("河南人都是骗子", "我从不说河南人都是骗子", "河南人都是好人"),
    ("出轨男都是垃圾", "难道你觉得出轨男都是垃圾？", "这些都是垃圾袋"),
    ("没有暂住证的都应该滚回老家", "小球滚回原位", "滚动播出"),
    ("你要是觉得日本好你就滚出中国", "滚出来的面条", "滚筒洗衣机"),
    ("愚蠢的男人", "不是愚蠢的问题", "愚蠢的问题"),
    ("这个人是狗吧", "这个人不是狗", "这个人是属狗的"),
    ("md，黑人就是贱族", "黑人就是贱卖", "贵族的生活"),
    # second round
    ("不打游戏的都是傻批", "你不是傻批", "批发价"),
    ("黑东北人的是你们南蛮子", "你不是南蛮子", "南方的蛮子腰果"),
    ("从没听过说外地狗的", "你不是外地狗", "外地的狗粮"),
    ("38376号客服你全家死", "问候你全家人新年快乐", "你全家都好吗"),
    ("太tm慢了", "品牌名称™", "tm 商标"),
    ("cnmb，没见过这么差的", "cnm 是一个单位", "mb 是一个单位"),
    # third round, from the SWSR pool
    ("已婚的都是婚驴", "你不是婚驴", "结婚的驴友"),
    ("他是个男拳", "他不是男拳", "南拳北腿"),
    ("田女的脑回路我理解不了", "你不是田女", "田女士您好，包裹已发出"),
    ("这他妈是偷换概念", "这他妈妈做的饭", "这是他妈妈做的饭"),
    ("让那群人下地狱", "地狱厨房这部剧", "地下室"),
    ("帮人家洗地也不是这么洗的", "帮我洗地板", "洗地机"),
    ("丑人多作怪", "你不是丑人多作怪", "多作怪兽图案"),
    # fourth round
    ("滚远点", "你不是滚远点", "滚动远点的图片"),
    ("你丫的有毛病吧", "你不是丫挺的", "小丫头真可爱"),
    ("我只想说去你大爷", "你大爷来店里了", "去你大爷家拿快递"),
    ("又是地域狗在带节奏", "你不是地域狗", "地域特产"),
    ("你脑袋进水了", "你不是脑袋进水", "脑袋进去了"),
    ("这帮傻……逼又说屏坏了", "你不是傻~逼", "傻……笑"),
    ("黑人死活关我屁事", "这不关我的事", "我关心这件事"),
]


@pytest.mark.parametrize(("positive", "negated", "lookalike"), CASES)
def test_cue(positive: str, negated: str, lookalike: str) -> None:
    check_cue(ABUSE, positive, negated, lookalike)


@pytest.mark.parametrize("text", ["你他妈的", "都他妈有醋味", "太他妈好吃了", "太他娘的out了"])
def test_profanity_is_reported_however_said(text: str) -> None:
    assert ABUSE in error_rules(text)


# Look-alikes of older entries read on the pools' flagged clean rows, now allowed; the insults
# they look like are still reported.
@pytest.mark.parametrize(
    "text",
    [
        "这不是人为损坏，我们给您换新",
        "不是人工客服，请稍等",
        "把库存拿出来卖，价格优惠",
        "他一直听他妈的话",
        "身体素质差异较大",
        "一共二百五十元",
        "无贵贱男女少长",
        "卤蛋就是乡巴佬袋装的",
        "用事实说话，而不是人云亦云",
        "这个价钱就活该如此了",
    ],
)
def test_allowed_lookalike(text: str) -> None:
    assert ABUSE not in error_rules(text)


@pytest.mark.parametrize(
    "text", ["你真不是人", "她出来卖的", "这人素质差", "你个二百五", "你这个乡巴佬", "你活该"]
)
def test_insult_still_reported(text: str) -> None:
    assert ABUSE in error_rules(text)
