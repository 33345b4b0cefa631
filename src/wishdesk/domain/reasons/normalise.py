"""Text normalisation and tokenising for the reason classifier.

``normalise`` folds the ways buyers write the same thing: NFKC (full-width letters and
digits, ligatures), case, accents on Latin letters ("tamaño" -> "tamano", "größe" ->
"grosse"), the traditional forms of common Chinese characters (訂單 -> 订单), typographic
apostrophes, HTML character references ("&amp;", "&#39;": text copied from a web page or an
e-mail keeps them, and the ";" would read as a clause mark), control characters and runs of
whitespace.
``tokenise`` splits the result into words and clause marks; CJK runs stay whole (the Chinese
cues are matched as substrings, see ``matcher``).
"""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 2000
"""Only the start of a field is read: the reason is stated early, and this bounds the cost."""

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'", "\u02bc": "'"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W\d_]+)*|[.,;:!?¿¡()\n]|[\u3001\u3002\uff01\uff0c\uff1b\uff1f]")
_ELISION = re.compile(
    r"^(l|d|j|n|m|s|t|c|qu|jusqu|lorsqu|puisqu|dell|all|dall|nell|sull|un|quest|nessun)'(.+)$"
)
# The Unicode blocks of combining marks (what unicodedata.combining finds in real text).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Traditional characters of the words the Chinese cues are made of, read as their simplified
# forms (Taiwan and Hong Kong buyers write 沒收到貨, 訂單, 甚麼時候).
_TRADITIONAL = str.maketrans(
    "貨訂單發還沒運遞費換號碼顏壞郵時麼為個幾達處狀態錯誤損問題說書買賣價錢帳賬戶蹤跡詢準確認嗎裡裏"
    "這樣會從們給讓聯繫係寶網遲過後龍適質種實條長紅裝擇選與無現點電腦",
    "货订单发还没运递费换号码颜坏邮时么为个几达处状态错误损问题说书买卖价钱账账户踪迹询准确认吗里里"
    "这样会从们给让联系系宝网迟过后龙适质种实条长红装择选与无现点电脑",
)

CLAUSE_MARKS = frozenset(".,;:!?¿¡()\n\u3001\u3002\uff01\uff0c\uff1b\uff1f")


def _fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    if decomposed == text:  # nothing to fold (Chinese, or already bare)
        return text
    return unicodedata.normalize("NFC", _COMBINING.sub("", decomposed))


def normalise(text: object) -> str:
    """Fold ``text`` for matching; anything that is not a string becomes ``""``."""
    if not isinstance(text, str) or not text:
        return ""
    text = text[:MAX_CHARS]
    if "&" in text and ";" in text:
        from html import unescape  # rare, and html.entities is a big module to load

        text = unescape(text)
    if text.isascii():  # NFKC leaves ASCII as it is, and casefold is lower
        text = text.lower()
        if "`" in text:
            text = text.replace("`", "'")
    else:
        text = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
        if not text.isascii():
            text = _fold_accents(text)
            if _CJK.search(text):
                text = text.translate(_TRADITIONAL)
    if not text.isprintable():  # every character _CONTROL removes is not printable
        text = _CONTROL.sub(" ", text)
    if "  " in text or "\t" in text or "\u00a0" in text:  # \r \f \v: removed just above
        text = _SPACES.sub(" ", text)
    return text.strip()


def tokenise(text: str) -> list[str]:
    """Words (French/Italian elisions split off: "l'adresse" -> "l'", "adresse") and marks."""
    if "'" not in text:
        return _TOKEN.findall(text)
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        if "'" in token:
            elided = _ELISION.match(token)
            if elided:
                tokens.append(elided.group(1) + "'")
                tokens.append(elided.group(2))
                continue
        tokens.append(token)
    return tokens


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None
