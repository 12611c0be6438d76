"""Benchmark of comment grouping (issue #6): a consultation's comments put in
groups of similar ones, so that a department answers hundreds of comments by
opinion. Target (the project's own): 5,000 comments grouped in under 2 s.

    .venv/bin/python bench/grouping.py [--comments 500,2000,5000]

The comments are synthetic and deterministic: 40 opinions on a land-use
draft, each said in many ways (its key phrases in varying order, with
fillers, place names and numbers of the bureau's vocabulary); a tenth are
one-off remarks. Besides the time, the grouping's quality is reported:
purity (the share of comments whose group's main opinion is their own) and
how many groups the department must answer. Results also go to
``bench/results/grouping.json`` (not in git).
"""

import argparse
import json
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results" / "grouping.json"
TARGET_SECONDS = 2.0
TARGET_COMMENTS = 5000

SUBJECTS = (
    "出让公告期限", "竞买保证金", "挂牌期限", "成交结果公示", "网上交易系统故障",
    "土地闲置费", "闲置土地认定", "协商处置期限", "征地补偿标准", "安置房建设",
    "基准地价更新", "标定地价公示", "容积率调整", "规划条件变更", "耕地占补平衡",
    "永久基本农田保护", "矿业权出让收益", "采矿权延续", "地质灾害防治", "不动产登记费用",
    "宅基地审批", "农村集体经营性建设用地入市", "临时用地复垦", "土地供应计划",
    "城镇低效用地再开发", "工业用地弹性年期", "先租后让", "标准地出让",
    "土地储备", "历史遗留问题", "测绘成果共享", "国土空间规划公示", "村庄规划编制",
    "生态修复", "违法用地查处", "信息公开方式", "听证程序", "专家论证",
    "风险评估", "过渡期安排",
)  # fmt: skip
ASKS = (
    "建议延长{s}的时间", "{s}的规定过于原则，建议细化", "希望明确{s}的具体标准",
    "{s}应当向社会公开", "建议降低{s}的门槛", "{s}缺少救济途径，建议补充",
    "对{s}的执行主体建议作出明确规定", "{s}与上位法不一致，建议修改",
)  # fmt: skip
FILLERS = (
    "我是{t}的居民，", "我公司位于{t}，", "作为{t}的村民代表，", "",
    "经过认真研究，", "看了征求意见稿，", "",
)  # fmt: skip
TOWNS = ("稷下街道", "齐陵街道", "闻韶街道", "雪宫街道", "辛店街道", "凤凰镇", "金岭回族镇", "朱台镇", "皇城镇", "敬仲镇")  # fmt: skip
REMARKS = (
    "感谢政府听取群众意见。", "整体赞成，无其他意见。", "希望早日出台。",
    "请问这个办法什么时候施行？", "建议多开展宣传。",
)  # fmt: skip


def comments(count: int, rng: random.Random) -> list[tuple[int, str, int]]:
    """(key, text, opinion) triples; opinion -1 is a one-off remark."""
    opinions = [
        (subject, rng.choice(ASKS)) for subject in SUBJECTS
    ]  # 40 opinions, each a subject and an ask
    weights = [1 / (rank + 1) for rank in range(len(opinions))]
    made = []
    for key in range(count):
        if rng.random() < 0.1:
            made.append((key, rng.choice(REMARKS), -1))
            continue
        opinion = rng.choices(range(len(opinions)), weights=weights)[0]
        subject, ask = opinions[opinion]
        filler = rng.choice(FILLERS).format(t=rng.choice(TOWNS))
        reason = rng.choice(
            (
                "",
                "，否则群众难以理解",
                f"，第{rng.randrange(3, 30)}条",
                "，企业负担较重",
            )
        )
        made.append((key, f"{filler}{ask.format(s=subject)}{reason}。", opinion))
    return made


def purity(groups, opinion_of) -> float:
    right = 0
    for group in groups:
        opinions = [opinion_of[key] for key in group]
        main = max(set(opinions), key=opinions.count)
        right += opinions.count(main)
    return right / sum(len(group) for group in groups)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", default="500,2000,5000")
    options = parser.parse_args()
    from gongkai.consultations.grouping import DEFAULT_THRESHOLD, group_similar

    rows = []
    for count in (int(part) for part in options.comments.split(",")):
        made = comments(count, random.Random(20261203 + count))
        opinion_of = {key: opinion for key, _text, opinion in made}
        pairs = [(key, text) for key, text, _opinion in made]
        started = time.perf_counter()
        groups = group_similar(pairs, threshold=DEFAULT_THRESHOLD)
        seconds = time.perf_counter() - started
        opinions = len({opinion for opinion in opinion_of.values() if opinion >= 0})
        row = {
            "comments": count,
            "seconds": round(seconds, 3),
            "groups": len(groups),
            "groups_of_two_or_more": sum(1 for group in groups if len(group) > 1),
            "opinions": opinions,
            "purity": round(purity(groups, opinion_of), 3),
        }
        rows.append(row)
        print(
            f"grouping: {count} comments in {seconds:.3f} s, {row['groups']} groups "
            f"({row['groups_of_two_or_more']} of 2+; {opinions} opinions), "
            f"purity {row['purity']:.1%}"
        )
    measured = next((row for row in rows if row["comments"] == TARGET_COMMENTS), None)
    if measured:
        verdict = "OK" if measured["seconds"] < TARGET_SECONDS else "TOO SLOW"
        print(f"grouping: target {TARGET_COMMENTS} in < {TARGET_SECONDS} s: {verdict}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "benchmark": "comment grouping",
                "threshold": DEFAULT_THRESHOLD,
                "rows": rows,
                "target_seconds": TARGET_SECONDS,
                "python": platform.python_version(),
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
