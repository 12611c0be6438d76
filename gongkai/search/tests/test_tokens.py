import pytest

from gongkai.search.tokens import Phrase, index_tokens, query_phrases


def test_cjk_runs_become_overlapping_bigrams():
    assert index_tokens("征地补偿") == ["征地", "地补", "补偿"]


def test_latin_words_and_numbers_are_lowercased_words():
    assert index_tokens("OFD格式 2023年") == ["ofd", "格式", "2023", "年"]


def test_punctuation_separates_runs():
    assert index_tokens("临自然资发〔2023〕5号") == [
        "临自",
        "自然",
        "然资",
        "资发",
        "2023",
        "5",
        "号",
    ]


@pytest.mark.parametrize(
    ("query", "phrases"),
    [
        ("征地", [Phrase(("征地",))]),
        ("基准地价", [Phrase(("基准", "准地", "地价"))]),
        ("土地 出让", [Phrase(("土地",)), Phrase(("出让",))]),
        ("矿", [Phrase(("矿",), prefix=True)]),
        ("征地 征地", [Phrase(("征地",))]),
    ],
)
def test_query_becomes_phrases_of_bigrams(query, phrases):
    assert query_phrases(query) == phrases


def test_every_word_of_a_text_is_a_phrase_of_its_index_tokens():
    text = "关于做好采矿权出让收益征收工作的通知"
    tokens = " ".join(index_tokens(text))
    for start in range(len(text) - 1):
        for end in range(start + 2, len(text) + 1):
            (phrase,) = query_phrases(text[start:end])
            assert " ".join(phrase.tokens) in tokens
