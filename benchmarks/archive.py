"""A realistic archive of generated articles, with the truth of what it plants.

Deterministic (one seed gives the same files byte for byte) and fictional: thousands of
made-up companies, each with a ledger of figures (revenue, net profit, GMV, R&D spend,
monthly users, gross margin) that grow consistently from year to year and split into
quarters, halves and nine-month totals, so that what articles state agrees unless a
contradiction was planted. Articles take their lengths from real ones (the character
counts of ``corpus/`` and ``../shared/realnews/corpus``, read in place; without ../shared,
``corpus/`` and ``tests/devcorpus/corpus``): a few figures each, among sentences of
commentary drawn from word lists (thousands of distinct sentences), in three formats
(front matter + Markdown, HTML with meta tags, plain text under a byline).

Planted, at known rates:

- contradictions: a figure stated wrong (off by 30-80%) in one article while others state
  it right; each is a (entity, metric, period) key in ``truth.json``'s ``contradictions``;
- look-alike traps that must not be flagged: the same figure rounded (``约126亿元`` beside
  ``125.6亿元``, ``1256000万元``), a target for next year beside the actual, a nine-month
  cumulative total beside the third quarter.

``score(report, truth)`` gives precision (findings whose claims are about a planted key)
and recall (planted keys some finding is about).

    python benchmarks/archive.py OUT_DIR --articles 2000 --seed 7
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "realnews" / "corpus"

# characters of made-up company names: none is a numeral, a magnitude, a time word or a unit
_FIRST = "华中新天金海远恒瑞博凯宏鼎盛安联信达泰科蓝云星辰光景明嘉润德诚卓越汇通立锦"
_SECOND = "辰远创维智航盈峰源岳川霖策跃澜朗骏腾峻睿翔铭琪璟瀚湃芯渊"
_TRADE = ["科技", "集团", "股份", "电子", "物流", "医药", "能源", "传媒", "材料", "制造", "网络", "汽车"]

# metric -> (phrases, kind of figure)
_METRICS: dict[str, tuple[list[str], str]] = {
    "revenue": (["营收", "营业收入", "收入"], "money"),
    "net_profit": (["净利润"], "money"),
    "gmv": (["GMV", "交易总额"], "money"),
    "rd_spend": (["研发投入", "研发费用"], "money"),
    "mau": (["月活跃用户数", "月活用户"], "users"),
    "gross_margin": (["毛利率"], "ratio"),
}
_QUARTER_SHARE = (0.22, 0.24, 0.25, 0.29)

_OPENERS = [
    "",
    "据悉，",
    "财报显示，",
    "公告显示，",
    "数据显示，",
    "记者了解到，",
    "据公司披露，",
    "另据统计，",
]
_VERBS = ["为", "达", "达到", "实现", "录得"]
_ACTORS = ["分析人士", "业内人士", "行业观察者", "一位券商研究员", "接近公司的人士", "多位投资者", "市场人士"]
_VIEWS = [
    "认为公司的渠道调整仍需时间",
    "表示行业竞争正在加剧",
    "指出上游成本压力有所缓解",
    "称新业务的投入节奏更加谨慎",
    "判断海外市场将成为新的增长点",
    "提醒投资者关注存货周转",
    "认为品牌升级初见成效",
    "表示监管环境趋于明朗",
    "指出线下门店的恢复慢于预期",
    "认为数字化改造提升了运营效率",
    "称供应链整合带来了协同效应",
    "表示价格战对利润率形成拖累",
]
_TOPICS = [
    "在直播电商领域",
    "在新能源赛道",
    "在下沉市场",
    "在跨境业务上",
    "在研发体系建设方面",
    "在组织架构调整之后",
    "面对消费复苏放缓",
    "围绕核心产品线",
    "在渠道改革过程中",
    "在人工智能应用上",
]
_ACTIONS = [
    "加快布局",
    "持续加码",
    "明显收缩",
    "稳步推进",
    "重新梳理",
    "积极探索",
    "大幅调整",
    "逐步放开",
]
_OBJECTS = [
    "自有品牌",
    "会员体系",
    "物流网络",
    "海外仓储",
    "内容生态",
    "门店网络",
    "数据中台",
    "合作伙伴计划",
    "产品矩阵",
    "服务体系",
]
_OUTLETS = ["经济观察", "财经日报", "商业周刊", "证券时报网", "科技前沿", "产业观察", "新消费报", "投资快讯"]


@dataclass(frozen=True)
class Period:
    """A span of a year a figure is given for, and how an article names it."""

    year: int
    name: str  # Q1..Q4, H1, 9M, FY
    start: dt.date
    end: dt.date
    share: float  # of the year's total (flows); 1 for stocks and ratios

    def written(self, rnd: random.Random) -> str:
        y = f"{self.year}年"
        return {
            "Q1": rnd.choice([f"{y}第一季度", f"{y}一季度"]),
            "Q2": rnd.choice([f"{y}第二季度", f"{y}二季度"]),
            "Q3": rnd.choice([f"{y}第三季度", f"{y}三季度"]),
            "Q4": rnd.choice([f"{y}第四季度", f"{y}四季度"]),
            "H1": f"{y}上半年",
            "9M": f"{y}前三季度",
            "FY": rnd.choice([f"{y}全年", f"{self.year}年度"]),  # not 2020年月活 (年月 reads as a month)
        }[self.name]


def _periods(year: int) -> list[Period]:
    out = []
    for q in range(4):
        start = dt.date(year, 3 * q + 1, 1)
        end = (dt.date(year + (q == 3), (3 * q + 3) % 12 + 1, 1)) - dt.timedelta(days=1)
        out.append(Period(year, f"Q{q + 1}", start, end, _QUARTER_SHARE[q]))
    out.append(Period(year, "H1", dt.date(year, 1, 1), dt.date(year, 6, 30), sum(_QUARTER_SHARE[:2])))
    out.append(Period(year, "9M", dt.date(year, 1, 1), dt.date(year, 9, 30), sum(_QUARTER_SHARE[:3])))
    out.append(Period(year, "FY", dt.date(year, 1, 1), dt.date(year, 12, 31), 1.0))
    return out


@dataclass
class Company:
    name: str
    alias: str
    base: dict[str, float]  # metric -> value in 2017 (yuan, users or percent)
    growth: dict[tuple[str, int], float]  # (metric, year) -> growth over the year before
    ambition: float = 1.3  # a revenue target over the actual of its year

    def annual(self, metric: str, year: int) -> float:
        value = self.base[metric]
        for y in range(2018, year + 1):
            value *= 1 + self.growth[(metric, y)]
        return value


@dataclass
class Truth:
    contradictions: set[tuple[str, str, str]] = field(default_factory=set)  # detectable
    planted: set[tuple[str, str, str]] = field(default_factory=set)  # every wrong figure
    traps: dict[str, int] = field(default_factory=dict)
    mentions: int = 0
    articles: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "mentions": self.mentions,
            "contradictions": sorted(list(k) for k in self.contradictions),
            "planted": sorted(list(k) for k in self.planted),
            "traps": self.traps,
            "lengths_from": [os.path.relpath(d, ROOT) for d in length_sources()],
        }


def length_sources() -> list[Path]:
    """The directories whose articles give the generated ones their lengths: ``corpus/`` and
    ../shared/realnews/corpus, or without it ``corpus/`` and ``tests/devcorpus/corpus``
    (shorter articles: an archive built so is not comparable with one built beside ../shared)."""
    if REAL.is_dir():
        return [ROOT / "corpus", REAL]
    return [ROOT / "corpus", ROOT / "tests" / "devcorpus" / "corpus"]


def lengths_note() -> str:
    """One line saying where the article lengths come from (printed with every archive)."""
    lengths = real_lengths()
    where = ", ".join(os.path.relpath(d, ROOT) for d in length_sources())
    note = f"article lengths from {len(lengths)} articles in {where} (median {sorted(lengths)[len(lengths) // 2]:,} characters)"
    if not REAL.is_dir():
        note += f"; {os.path.relpath(REAL, ROOT)} is absent, so the archive differs from one built beside it"
    return note


def real_lengths() -> list[int]:
    """Character counts of real articles (read in place, nothing copied)."""
    out = []
    for d in length_sources():
        for path in sorted(d.rglob("*")):
            if path.is_file() and not path.name.startswith(".") and path.suffix != ".yaml":
                try:
                    out.append(len(path.read_text(encoding="utf-8", errors="replace")))
                except OSError:
                    continue
    return out or [2000]


def companies(rnd: random.Random, count: int) -> list[Company]:
    names: dict[str, None] = {}
    while len(names) < count:
        names[rnd.choice(_FIRST) + rnd.choice(_SECOND) + rnd.choice(_TRADE)] = None
    heads: dict[str, int] = {}
    for name in names:
        heads[name[:2]] = heads.get(name[:2], 0) + 1
    out = []
    for name in names:
        # 中睿公司 for 中睿网络 where no other company starts with 中睿
        alias = name[:2] + "公司" if heads[name[:2]] == 1 else name
        base = {
            "revenue": rnd.uniform(5e8, 8e10),
            "gmv": rnd.uniform(5e9, 5e11),
            "mau": rnd.uniform(2e6, 3e8),
            "gross_margin": rnd.uniform(12, 55),
        }
        base["net_profit"] = base["revenue"] * rnd.uniform(0.03, 0.15)
        base["rd_spend"] = base["revenue"] * rnd.uniform(0.02, 0.12)
        # at least 4% a year either way, so that no two years state the same figure
        growth = {
            (m, y): rnd.choice([-1, 1, 1, 1]) * rnd.uniform(0.04, 0.4)
            for m in base
            for y in range(2015, 2026)
        }
        for y in range(2015, 2026):  # a margin drifts by a few points, never stays put
            growth[("gross_margin", y)] = rnd.choice([-1, 1]) * rnd.uniform(0.03, 0.08)
        out.append(Company(name=name, alias=alias, base=base, growth=growth, ambition=rnd.uniform(1.15, 1.6)))
    return out


def _money(value: float, rnd: random.Random, rounded: bool = False) -> str:
    yi = value / 1e8
    if rounded:
        return (
            f"约{round(yi):d}亿元"
            if yi >= 10
            else f"约{yi:.0f}亿元"
            if yi >= 1
            else f"约{value / 1e4:.0f}万元"
        )
    if yi >= 1:
        return f"{yi:.2f}亿元"
    return f"{value / 1e4:.0f}万元"


def _users(value: float) -> str:
    if value >= 1e8:
        return f"{value / 1e8:.2f}亿"
    return f"{value / 1e4:.0f}万"


@dataclass
class _Mention:
    sentence: str
    key: tuple[str, str, str] | None  # (entity, metric, period start..end) of an actual figure
    wrong: bool = False


class Generator:
    def __init__(self, articles: int, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.n = articles
        self.lengths = real_lengths()
        self.companies = companies(self.rnd, max(40, min(articles // 25, 5000)))
        self.truth = Truth(articles=articles)
        self.stated: dict[tuple[str, str, str], set[tuple[int, bool]]] = {}

    # ------------------------------------------------------------ sentences

    def filler(self, company: Company) -> str:
        r = self.rnd
        shapes = [
            lambda: f"{r.choice(_ACTORS)}{r.choice(_VIEWS)}。",
            lambda: f"{company.name}{r.choice(_TOPICS)}{r.choice(_ACTIONS)}{r.choice(_OBJECTS)}。",
            lambda: (
                f"{r.choice(_TOPICS)}，{company.alias}{r.choice(_ACTIONS)}{r.choice(_OBJECTS)}，{r.choice(_ACTORS)}{r.choice(_VIEWS)}。"
            ),
            lambda: f"对于{r.choice(_OBJECTS)}的前景，{r.choice(_ACTORS)}{r.choice(_VIEWS)}。",
        ]
        return r.choice(shapes)()

    def figure(self, company: Company, published: dt.date, doc: int) -> _Mention:
        r = self.rnd
        metric = r.choice(list(_METRICS))
        phrases, shape = _METRICS[metric]
        year = r.choice([published.year - 1, published.year - 1, published.year - 2])
        choices = [p for p in _periods(year) if p.end < published - dt.timedelta(days=20)]
        if shape != "money":  # users and margins: for a year (a quarter's figure would repeat it)
            year = published.year - r.choice([1, 2]) if published.month > 1 else published.year - 2
            choices = [p for p in _periods(year) if p.name == "FY"]
        elif metric == "net_profit":
            choices = [p for p in choices if p.name in ("FY", "H1")] or choices
        period = r.choice(choices)
        name = r.choice([company.name, company.name, company.alias])
        when = period.written(r)
        opener, verb, phrase = r.choice(_OPENERS), r.choice(_VERBS), r.choice(phrases)
        key = (company.name, metric, f"{period.start.isoformat()}..{period.end.isoformat()}")
        annual = company.annual(metric, year)
        value = annual if shape == "ratio" else annual * (period.share if shape == "money" else 1.0)
        wrong = r.random() < 0.02
        if wrong:
            value *= r.choice([r.uniform(1.3, 1.8), r.uniform(0.45, 0.7)])
        trap = r.random()
        if shape == "money":
            if not wrong and trap < 0.15 and value >= 1e10:  # three digits: not a figure two periods share
                self._trap("rounded")
                text = _money(value, r, rounded=True)
            elif not wrong and trap < 0.22 and value < 1e12:
                self._trap("in_wan")
                text = f"{value / 1e4:.0f}万元"
            else:
                text = _money(value, r)
        elif shape == "users":
            text = _users(value)
        else:
            text = f"{value:.1f}%"
        scope = "累计" if period.name == "9M" and r.random() < 0.5 else ""
        sentence = f"{opener}{name}{when}{scope}{phrase}{verb}{text}"
        growth = company.growth[(metric, year)]
        if shape == "money" and not wrong and r.random() < 0.35:
            sentence += f"，同比增长{growth * 100:.1f}%" if growth >= 0 else f"，同比下降{-growth * 100:.1f}%"
        if shape == "money" and period.name == "9M":
            self._trap("nine_months")
        self.truth.mentions += 1
        self.stated.setdefault(key, set()).add((doc, wrong))
        return _Mention(sentence + "。", key, wrong)

    def target(self, company: Company, published: dt.date) -> str:
        self._trap("target")
        year = published.year
        # one target per company and year, whichever article repeats it
        value = company.annual("revenue", year) * company.ambition
        return f"{company.name}计划{year}年营收达到{value / 1e8:.1f}亿元。"

    def _trap(self, name: str) -> None:
        self.truth.traps[name] = self.truth.traps.get(name, 0) + 1

    # ------------------------------------------------------------ articles

    def article(self, doc: int) -> tuple[str, str]:
        r = self.rnd
        published = dt.date(2019, 3, 1) + dt.timedelta(days=r.randrange(5 * 365))
        length = r.choice(self.lengths)
        subjects = r.sample(self.companies, k=min(len(self.companies), r.choice([1, 1, 2, 3])))
        figures = max(1, min(length // 350, 25))
        body: list[str] = []
        size = 0
        made = 0
        while size < length:
            company = r.choice(subjects)
            if made < figures and r.random() < 0.45:
                sentence = self.figure(company, published, doc).sentence
                made += 1
            elif r.random() < 0.03:
                sentence = self.target(company, published)
            else:
                sentence = self.filler(company)
            body.append(sentence)
            size += len(sentence)
        title = f"{subjects[0].name}{r.choice(_ACTIONS)}{r.choice(_OBJECTS)}"
        paragraphs = []
        at = 0
        while at < len(body):
            step = r.randint(2, 5)
            paragraphs.append("".join(body[at : at + step]))
            at += step
        outlet = r.choice(_OUTLETS)
        form = doc % 4
        if form in (0, 1):
            text = (
                f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndate: {published.isoformat()}\n"
                f"source: {outlet}\n---\n\n# {title}\n\n" + "\n\n".join(paragraphs) + "\n"
            )
            return f"{doc:06d}.md", text
        if form == 2:
            paras = "\n".join(f"<p>{p}</p>" for p in paragraphs)
            text = (
                f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title>\n'
                f'<meta property="article:published_time" content="{published.isoformat()}T08:00:00+08:00">\n'
                f"</head><body><article><h1>{title}</h1>\n{paras}\n</article></body></html>\n"
            )
            return f"{doc:06d}.html", text
        text = f"{title}\n{published.isoformat()} 10:00 来源：{outlet}\n\n" + "\n\n".join(paragraphs) + "\n"
        return f"{doc:06d}.txt", text

    def finish(self) -> Truth:
        """Every key some article states wrong is planted (a finding about it is right); it
        is detectable when another article states it too (recall counts those)."""
        for key, stated in self.stated.items():
            wrong = {d for d, w in stated if w}
            if wrong:
                self.truth.planted.add(key)
                # findings compare sources: another article must state the figure too
                if any(d not in wrong or len(wrong) > 1 for d, _ in stated):
                    self.truth.contradictions.add(key)
        return self.truth

    def rules_yaml(self) -> str:
        lines = [
            "# the generated archive's companies, added to the built-in rules",
            "extends: default",
            "entities:",
        ]
        for c in self.companies:
            lines.append(f"  {c.name}:" + (f"\n    aliases: [{c.alias}]" if c.alias != c.name else " {}"))
        return "\n".join(lines) + "\n"


def build(out: Path, articles: int, seed: int = 20260301) -> Truth:
    """Write ``out/articles/*``, ``out/rules/entities.yaml`` and ``out/truth.json``."""
    gen = Generator(articles, seed)
    docs = out / "articles"
    docs.mkdir(parents=True, exist_ok=True)
    for i in range(articles):
        name, text = gen.article(i)
        sub = docs / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / name).write_text(text, encoding="utf-8")
    rules = out / "rules"
    rules.mkdir(exist_ok=True)
    (rules / "entities.yaml").write_text(gen.rules_yaml(), encoding="utf-8")
    truth = gen.finish()
    (out / "truth.json").write_text(
        json.dumps(truth.as_json(), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return truth


def score(report: Any, truth: dict[str, Any]) -> tuple[float, float, int]:
    """(precision, recall, findings) of a Report against ``truth.json``: precision over
    every finding (right when it is about a figure stated wrong), recall over the wrong
    figures another article also states (the others no check can see)."""
    planted = {tuple(k) for k in truth["planted"]}
    detectable = {tuple(k) for k in truth["contradictions"]}
    found: set[tuple[str, str, str]] = set()
    hits = 0
    for conflict in report.conflicts:
        keys = {
            (c.entity or "", c.metric or "", f"{c.period.start}..{c.period.end}" if c.period else "")
            for c in conflict.claims
        }
        if keys & planted:
            hits += 1
            found |= keys & planted
    total = len(report.conflicts)
    precision = hits / total if total else 1.0
    recall = len(found & detectable) / len(detectable) if detectable else 1.0
    return precision, recall, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20260301)
    args = parser.parse_args(argv)
    truth = build(args.out, args.articles, args.seed)
    print(
        f"{args.articles} articles, {truth.mentions} figures, {len(truth.contradictions)} contradictions planted"
    )
    print(lengths_note())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
