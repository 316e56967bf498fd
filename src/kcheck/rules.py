"""Read and validate rules/: the language knowledge kcheck runs on, kept as data.

Each YAML file in a rules directory is one section (``entities.yaml`` -> ``RuleSet.entities``).
A directory may hold only some sections; the others come from the built-in defaults (the
project's top-level ``rules/``, shipped inside the package). Every problem is reported as
``file:line: message`` so a typo never becomes a traceback.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, cast

import yaml
from dateutil import tz as dateutil_tz
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from kcheck import saferegex, safeyaml
from kcheck.errors import LoadError, RulesError
from kcheck.models import CheckType
from kcheck.readfile import read_bytes
from kcheck.settings import default_rules_dir as default_rules_dir

STRICT = ConfigDict(extra="forbid", frozen=True)
# the built-in rules are 45 KB in all; a larger file is a mistake (or an attack on the parser)
MAX_RULES_BYTES = 1024 * 1024
IsoCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
MonthNumber = Annotated[int, Field(ge=1, le=12)]


def _no_blank(items: list[str]) -> list[str]:
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise ValueError("empty string in list")
    return items


def _regex(pattern: str) -> re.Pattern[str]:
    """A user regex, compiled; refused when invalid or when it could backtrack for ever."""
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None
    unsafe = saferegex.problem(pattern)
    if unsafe:
        raise ValueError(f"unsafe regular expression {pattern!r}: {unsafe}")
    return compiled


class Section(BaseModel):
    model_config = STRICT


# --------------------------------------------------------------------------- entities, metrics, events


class EntityRule(Section):
    aliases: list[str] = Field(default_factory=list)
    type: Literal[
        "company", "platform", "organisation", "person", "product", "industry", "market", "region", "other"
    ] = "company"
    parent: str | None = Field(default=None, description="canonical entity this one belongs to")
    # an industry: words naming its members (证券公司, 券商); an article that names them and
    # then says bare 行业 means this industry
    members: list[str] = Field(default_factory=list)

    _check = field_validator("aliases")(_no_blank)


class FundNames(Section):
    """Funds read from the form of their names (entities.fund_names): a short name ends with
    its type (华晟科创成长混合), a full name with the registered type the short name stands for
    (华晟科创成长混合型证券投资基金): both are the fund named by the short name."""

    # the registered type ending a full name -> what ends the short name instead
    registered: dict[str, str] = Field(default_factory=dict)
    # a short name ends with one of these, then no Han character (…混合，, …ETF联接)
    short_ends: list[str] = Field(default_factory=list)
    # ... or with one of these right before a share class (…债券A): bare, a kind of security
    classed_ends: list[str] = Field(default_factory=list)
    share_classes: list[Annotated[str, StringConstraints(min_length=1, max_length=1)]] = Field(
        default_factory=list
    )
    # names are read only in fund news, a text holding one of these (公募, 基金经理): elsewhere
    # 混合 is a mix
    context: list[str] = Field(default_factory=list)
    # the name starts after the last of these before its end (发行规模最大的为华晟科创成长混合)
    cuts: list[str] = Field(default_factory=list)
    # characters before the type: fewer is a kind of fund (偏股混合), more a clause
    min_chars: int = Field(default=4, ge=1)
    max_chars: int = Field(default=14, ge=1)

    _check = field_validator("short_ends", "classed_ends", "context", "cuts")(_no_blank)

    @field_validator("registered")
    @classmethod
    def _registered(cls, v: dict[str, str]) -> dict[str, str]:
        for full, short in v.items():
            _no_blank([full, short])
        return v

    @model_validator(mode="after")
    def _sizes(self) -> FundNames:
        if self.min_chars > self.max_chars:
            raise ValueError(f"min_chars {self.min_chars} is more than max_chars {self.max_chars}")
        return self


class EntitiesSection(Section):
    entities: dict[str, EntityRule] = Field(default_factory=dict)
    # funds read from the form of their names: a short name and its full registered name are one
    fund_names: FundNames = Field(default_factory=FundNames)
    # words that stand where a subject would but name no one (公司, 平台, 该公司): never an entity
    generic_subjects: list[str] = Field(default_factory=list)
    # an entity right after one of these is an object or a place, not the subject (淘宝在抖音的广告投放)
    prepositions: list[str] = Field(default_factory=list)
    # the subject heuristic: words that end the leading noun phrase (的, 在, 达, 为, 宣布 ...)
    subject_stops: list[str] = Field(default_factory=list)
    # discourse words skipped before the subject (据, 而, 但, 其中 ...)
    subject_fillers: list[str] = Field(default_factory=list)
    # a phrase starting with one of these points back, it names no one (这一, 该, 其)
    subject_anaphora: list[str] = Field(default_factory=list)
    # a subject phrase starting with one of these is a time, a manner or a remark, not a name
    # (报告期内, 按可比口径, 值得注意); ending with one, a source or an adverb (数据宝统计, 分别)
    non_name_starts: list[str] = Field(default_factory=list)
    non_name_ends: list[str] = Field(default_factory=list)
    # "among X" closing its clause (食品中，畜肉类价格下降17.9%): X is the whole broken down, no subject
    whole_marks: list[str] = Field(default_factory=list)
    # words for "the industry" without naming it (行业, 全行业): a measure starting with one
    # belongs to the industry the article names most (an inferred link)
    sector_words: list[str] = Field(default_factory=list)
    # open world: a name no entry lists, read from its form: two to four characters after a
    # boundary, then one of these (招商银行, 中信证券, 绿地控股); never one of not_names
    name_suffixes: list[str] = Field(default_factory=list)
    # 以沧澜钢铁为例: one character a name may follow as if after a boundary
    name_lead_ins: list[Annotated[str, StringConstraints(min_length=1, max_length=1)]] = Field(
        default_factory=list
    )
    # 大陸海鷗航空: a region Taiwan and Hong Kong papers write before a mainland company's name,
    # which a name may follow as if after a boundary (the name is 海鸥航空)
    name_regions: list[Annotated[str, StringConstraints(min_length=2, max_length=4)]] = Field(
        default_factory=list
    )
    not_names: list[str] = Field(default_factory=list)
    # after a suffix, these make it the trade heading a noun (快递包裹, 快递业务量), not a name
    trade_nouns: list[str] = Field(default_factory=list)
    # the heads of the names of associations and alliances (联盟, 协会): a suffix followed by a run
    # of Han characters reaching one (中国汽车动力电池产业创新联盟) is inside that body's name
    body_heads: list[str] = Field(default_factory=list)
    # words that hold an alias but name something else (南京东路 holds 京东): matched whole, so
    # the alias inside is never read
    look_alikes: list[str] = Field(default_factory=list)
    # words holding a stop word that do not end a subject (实物商品网上零售额: 网上 "online")
    stop_holders: list[str] = Field(default_factory=list)
    # words that join coordinated entities (快手和抖音: the first is the subject); two entities
    # written side by side (快手京东) are joined without one
    coordinators: list[str] = Field(default_factory=list)
    # legal forms after a name (股份有限公司): 瑞柏医药股份有限公司 is 瑞柏医药 when names meet
    legal_suffixes: list[str] = Field(default_factory=list)
    # an operator named after what it runs, its form -> the operated thing's ending (港务集团 -> 港:
    # 东津港务集团 is 东津港 when names meet, and 东津港 written alone in its article is it)
    operator_forms: dict[str, str] = Field(default_factory=dict)
    # words standing for the article's company (公司, 该公司): an inferred link to it
    company_words: list[str] = Field(default_factory=list)
    # a subject phrase ending with one of these is a measure, not a name (社融增量, 物流总额)
    measure_ends: list[str] = Field(default_factory=list)
    # a subject phrase ending with one of these and followed by one of superlative_links names a
    # rank (发行规模最大的为华晟科创成长混合): the subject is what follows the link
    superlatives: list[str] = Field(default_factory=list)
    superlative_links: list[str] = Field(default_factory=list)
    # words that make a figure the country's or the market's: never the article's company
    national_words: list[str] = Field(default_factory=list)
    # a market's windows and totals (春节档, 总票房): a figure naming no one in a sentence that
    # writes one before it is that market's, never lent to a company the article names
    market_words: list[str] = Field(default_factory=list)
    # words naming one province's or city's whole (全省, 全市): a measure opening with one is
    # that region's and meets only measures opening with the same word
    region_words: list[str] = Field(default_factory=list)
    # the provinces (浙江) and the suffixes they may be written with (省): a province's name alone
    # before a statistic (浙江1—10月一般公共预算收入) makes it that province's, a region like the above
    provinces: list[str] = Field(default_factory=list)
    province_suffixes: list[str] = Field(default_factory=list)
    # the article's company: a name before a stock code (regexes on folded text), or after
    # a short-name cue (简称：); the name before a code is cut after the last of name_cuts
    stock_code_patterns: list[str] = Field(default_factory=list)
    short_name_cues: list[str] = Field(default_factory=list)
    # ... or a name opening a sentence before a day and one of these (正元智慧1月29日公告)
    disclosure_verbs: list[str] = Field(default_factory=list)
    # ... or before a day, one of these and, a few words on, a report (国药现代8月27日发布2024年半年度报告)
    report_verbs: list[str] = Field(default_factory=list)
    report_objects: list[str] = Field(default_factory=list)
    # a title's name ending with one of these is a source (文旅部, 国家统计局), not the company
    source_ends: list[str] = Field(default_factory=list)
    # a title's head ending with one of these is a column (春节档复盘：), not the company
    genre_ends: list[str] = Field(default_factory=list)
    # a title's head ending with one of these names a company's report (醇岭酒业三季报：): the
    # name before it is the company the article is about
    report_ends: list[str] = Field(default_factory=list)
    name_cuts: list[str] = Field(default_factory=list)

    _check = field_validator(
        "coordinators",
        "company_words",
        "measure_ends",
        "superlatives",
        "superlative_links",
        "national_words",
        "market_words",
        "region_words",
        "provinces",
        "province_suffixes",
        "short_name_cues",
        "disclosure_verbs",
        "report_verbs",
        "report_objects",
        "source_ends",
        "genre_ends",
        "report_ends",
        "name_cuts",
    )(_no_blank)

    @field_validator("operator_forms")
    @classmethod
    def _operator_forms(cls, v: dict[str, str]) -> dict[str, str]:
        for form, operated in v.items():
            _no_blank([form, operated])
            if form == operated or not form.startswith(operated):
                raise ValueError(f"{form!r} must start with what it runs ({operated!r}) and be longer")
        return v

    @field_validator("stock_code_patterns")
    @classmethod
    def _code_regexes(cls, v: list[str]) -> list[str]:
        for pattern in v:
            if _regex(pattern).groupindex:
                raise ValueError(f"use (?:...) instead of named groups in {pattern!r}")
        return v


class MetricRule(Section):
    aliases: list[str] = Field(default_factory=list)
    dimension: Literal["money", "count", "percent", "any"] = "any"
    units: list[str] = Field(default_factory=list, description="counter words typical of this metric")
    # a level at a moment (users, headcount) rather than a flow over a period (GMV, revenue):
    # 截至6月30日 then means that day, not the year to date
    stock: bool = False
    # a total that a segment word (其他服务板块, 分部) narrows to a part: the metric is then unknown
    segmentable: bool = False
    # a statistic of the whole economy (CPI, PPI, PMI): a figure of it needs no entity to
    # meet another (a weak link, at most a warning)
    economy: bool = False
    # a loss is its profit below zero: a figure of this metric (亏损1.12亿元) is a figure of the
    # metric named here with the sign turned (净利润 -1.12亿元), so a loss and a negative
    # profit meet; a change of a loss (亏损同比收窄35%) stays a change of the loss
    loss_of: str | None = None
    # a running total, what has been done so far (回购 paid to date: 支付的资金总额): a figure of it
    # is cumulative (scope) whether or not its clause writes 累计, as another outlet's may
    running: bool = False

    _check = field_validator("aliases")(_no_blank)


class SegmentFrames(Section):
    """A sentence opening by framing a business line (寿险方面，… / 从学习服务看，…): its figures are
    that line's. The frame is ``lead? LINE end`` then a comma, LINE ending with one of
    ``line_ends`` after at least one character and not opening with one of ``not_lines``."""

    leads: list[str] = Field(default_factory=list)
    ends: list[str] = Field(default_factory=list)
    line_ends: list[str] = Field(default_factory=list)
    # a breakdown by lines (分业务看, 各业务方面), not one line
    not_lines: list[str] = Field(default_factory=list)

    _check = field_validator("leads", "ends", "line_ends", "not_lines")(_no_blank)


class MetricsSection(Section):
    metrics: dict[str, MetricRule] = Field(default_factory=dict)
    # words that make a bare magnitude (14.2亿) an amount of money in the default currency
    money_context: list[str] = Field(default_factory=list)
    # words that narrow a segmentable metric to a part of the business (板块, 分部)
    segment_cues: list[str] = Field(default_factory=list)
    # counters that measure a duration (2年, 7个月): not a claim unless a metric names the figure
    duration_units: list[str] = Field(default_factory=list)
    # words before a metric alias that do not narrow it (电商GMV, 全年收入); any other word does
    # (品牌自播GMV, 游戏收入), and the figure then gets no metric, only its measure
    neutral_prefixes: list[str] = Field(default_factory=list)
    # words before a measure's head that two outlets write or leave out for one fact (归属于
    # 上市公司股东的, 全国, 公司, 该季度): never narrowing, and left out when measures meet
    keep_modifiers: list[str] = Field(default_factory=list)
    # words naming the country (国内) that leave the measure of a figure naming no one whole
    # (国内动力电池装车量 = 动力电池装车量, the country's) but narrow a company's (国内收入: a part)
    country_modifiers: list[str] = Field(default_factory=list)
    # the full name of a statistic -> the short name the press writes for it (新建商品住宅销售价格
    # -> 新房价格): a measure phrase holding either meets one holding the other, its other words
    # (一线城市, 江澜市) still narrowing it
    measure_forms: dict[str, str] = Field(default_factory=dict)
    # the unit of a ratio's base (股): a measure holding 每 + a number + one of these is paid or
    # counted on that many units (每10股派4.8元 = 每股派0.48元): per one unit, the figure is divided
    ratio_bases: list[str] = Field(default_factory=list)
    # ratios of a balance at a day (不良贷款率): a year named for one is that year's last day
    day_ratios: list[str] = Field(default_factory=list)
    # a word naming two measures at once -> the two, in the order their figures are written
    # (产销量 -> 产量, 销量: 产销量分别为125万辆和121万辆 gives 产量 125万辆, 销量 121万辆)
    joint_measures: dict[str, list[str]] = Field(default_factory=dict)
    # words of a stock or balance (末, 余额): such a figure never takes the period of an
    # earlier paragraph (see extract.claims.period.takes_article_period)
    stock_words: list[str] = Field(default_factory=list)
    # characters of a time word (季, 月, 年): a figure whose clause holds one may name a time
    # the time pass did not read (第三季收入, 首三季), so it never takes an earlier paragraph's
    period_marks: list[str] = Field(default_factory=list)
    # what ends a quoted descriptive phrase before a measure's head (粮食生产“大头”的秋粮产量):
    # the words up to it describe the head, they never narrow the measure
    epithet_ends: list[str] = Field(default_factory=list)
    # a business line a sentence opens by framing (财产险业务方面，综合成本率为97.6%)
    segment_frames: SegmentFrames = Field(default_factory=SegmentFrames)

    @field_validator("joint_measures")
    @classmethod
    def _joint_measures(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        for joint, parts in v.items():
            _no_blank([joint, *parts])
            if len(parts) < 2:
                raise ValueError(f"{joint!r} must name at least two measures, not {parts!r}")
        return v

    @field_validator("measure_forms")
    @classmethod
    def _measure_forms(cls, v: dict[str, str]) -> dict[str, str]:
        for full, short in v.items():
            _no_blank([full, short])
            if full == short:
                raise ValueError(f"{full!r} is written the same as its short name")
        return v

    @model_validator(mode="after")
    def _losses_name_profits(self) -> MetricsSection:
        for name, rule in self.metrics.items():
            if rule.loss_of is not None and rule.loss_of not in self.metrics:
                raise ValueError(f"metrics.{name}.loss_of: {rule.loss_of!r} is not a metric of this file")
        return self


class EventRule(Section):
    aliases: list[str] = Field(default_factory=list)
    # a verb class of the open vocabulary (成立, 投产, 发布): `once` a subject does it once
    # (its words before the verb name which part: 快手电商部门成立 is not 快手成立); `repeats`
    # a subject does it again and again (国家统计局发布...), so what follows the verb names
    # which time. Unset: one specific event (断外链), its aliases are the whole phrase.
    verb: Literal["once", "repeats"] | None = None
    # what had the event keys it across documents, whatever company it is told of:
    # `named` the thing named before the verb (无锡12英寸晶圆厂二期项目于6月30日实现量产) or a
    # title in 《》 / a name in quotes in its clause; `product` only a titled or quoted name or a
    # product (a model code QM-X2, a head of `product_heads`) after the verb (发布新一代学习机QM-X2);
    # `named_product` what is named before the verb, as `named`, and only a product there makes
    # the word this event (驰远S9将于12月18日正式上市; 公司于2020年上市 is no product's launch);
    # `party` the party it was done with, named after a word of `party_words` before the verb
    # (公司于10月25日与希腊船东签署…合同: 希腊船东), for what two parties do together (签约);
    # `price` the price that changes, a phrase ending in a head of `price_heads` after the verb
    # (上调主要产品出厂价格) or before it (聚合MDI挂牌价上调): without one the verb is no price change.
    # Unset: the event is keyed by its company and id as before.
    subject: Literal["named", "product", "named_product", "party", "price"] | None = None
    # dated only by a day it takes effect from, a time written with 起 anywhere before the verb
    # in its sentence (自11月1日起上调…价格, 12月1日起，…挂牌价上调500元/吨): without one the verb
    # is a figure's change (较11月上调500元/吨), not a dated event
    from_day: bool = False
    # the market named in its clause (events.markets) tells one such event from another: a
    # film released in 北美 and in 国内 is released twice (上映:北美, 上映:国内)
    by_market: bool = False
    # a milestone counted in these units (辆, 台): only an ordinal count of one of them before
    # the verb in its clause (第100万辆新车在合肥工厂下线) makes the word this event, keyed by the
    # count (the millionth car is not the two-millionth); without one the word means something
    # else (快手下线了全部淘宝商品: taken offline) and dates nothing
    milestone: list[str] = Field(default_factory=list)
    # a meeting held for an event of this file (召开 发布会: 发布): its day dates that event, keyed
    # by what the meeting was for, named in the meeting (X9系列发布会) or after the event's verb
    # later in the sentence (昨日舉行發佈會，推出新一代旗艦X9系列); the event a 召开 of it dates
    held_for: dict[str, str] = Field(default_factory=dict)
    # what a `repeats` verb of holding (召开, 举行) holds: its object after the verb in its own
    # clause must contain one of these meeting-like nouns (举行2023年年度股东大会, 召开业绩说明会);
    # a verb that ends its clause (马拉松上周日舉行，报名人数达16.8万人) held what came before it,
    # not what the sentence says next, and dates no meeting. Empty: any object, else what follows.
    held: list[str] = Field(default_factory=list)
    # the alias names a day (股权登记日, 除权除息日): only the time written right after it, joined
    # by a word of `day_links` (股权登记日为11月30日, 除息日：12月1日), dates it, a day scheduled
    # rather than an event told as done
    day_named: bool = False

    _check = field_validator("aliases", "milestone", "held")(_no_blank)


class EventsSection(Section):
    events: dict[str, EventRule] = Field(default_factory=dict)
    # what joins a day's name to its date (股权登记日为11月30日): see EventRule.day_named
    day_links: list[str] = Field(default_factory=list)
    # a date followed by one of these dates an announcement, not the event (2月22日的公告)
    announcement: list[str] = Field(default_factory=list)
    # ... but an event told as done after one of these verbs, with no time of its own, is dated
    # by the announcement's time (11月6日，华联移动宣布其5G-A网络…正式开通), unless a word of
    # `done_before` (已) says it happened earlier
    announcing: list[str] = Field(default_factory=list)
    done_before: list[str] = Field(default_factory=list)
    # the subject of an event (see EventRule.subject), read off the words before its verb:
    # these words are stripped from either end (公司, 已于, 正式) ...
    subject_fillers: list[str] = Field(default_factory=list)
    # ... the subject ends before these (瑞替尼片获国家药监局批准上市, 乐园在青岛开业) ...
    subject_stops: list[str] = Field(default_factory=list)
    # ... and starts after the last of these (公司位于通辽的种猪繁育基地, 海悦文旅旗下海悦·星海湾乐园)
    subject_owners: list[str] = Field(default_factory=list)
    # generic heads dropped from the end of a key (二期项目 = 二期)
    subject_heads_dropped: list[str] = Field(default_factory=list)
    # a subject key shorter than this is too generic to key an event (基地, 高炉)
    subject_min_chars: int = Field(default=3, ge=1)
    # how many characters a place after 在 before the verb has to key an event by it (在杭州开通)
    place_chars: tuple[int, int] = (2, 6)
    # what a place's name ends with (省, 市, 县, 区, 州): the place a key's words open with
    place_ends: list[str] = Field(default_factory=list)

    @field_validator("place_ends")
    @classmethod
    def _place_ends_one_character(cls, v: list[str]) -> list[str]:
        for end in v:
            if len(end) != 1:
                raise ValueError(f"place end {end!r} is not one character")
        return v

    # what a released thing ends with to be a product (学习机, 手机, 芯片)
    product_heads: list[str] = Field(default_factory=list)
    # a product's generation and tier (新一代, 旗舰), not part of a name with a model code
    product_tiers: list[str] = Field(default_factory=list)
    # the words naming the other party of an event with `subject: party` (与希腊船东签约)
    party_words: list[str] = Field(default_factory=list)
    # what a price ends with, for an event with `subject: price` (出厂价格, 挂牌价, 电价)
    price_heads: list[str] = Field(default_factory=list)
    # the heads a thing that opens or starts ends with (店, 线, 一期): what had an event written
    # after its verb and 的 (开业的广州百悦天河店首周…) runs up to the last of them
    subject_heads: list[str] = Field(default_factory=list)
    # an event told with one of these (or a word of kinds target/forecast, boilerplate
    # future_cues) looks ahead: its date may come after publication (将于9月28日开业)
    looking_ahead: list[str] = Field(default_factory=list)
    # where a thing is released or sold (北美, 国内, 海外): an alias holding ``{market}`` stands
    # for one alias per market (登陆{market}院线 -> 登陆北美院线, ...)
    markets: list[str] = Field(default_factory=list)
    # pointing words for a work (该片, 该剧): what had the event is the work the article named
    # last in 《》 before it
    work_pointers: list[str] = Field(default_factory=list)

    _check = field_validator(
        "looking_ahead",
        "markets",
        "work_pointers",
        "announcement",
        "announcing",
        "done_before",
        "subject_fillers",
        "subject_stops",
        "subject_owners",
        "subject_heads_dropped",
        "product_heads",
        "product_tiers",
        "party_words",
        "price_heads",
        "subject_heads",
    )(_no_blank)

    @model_validator(mode="after")
    def _meetings_held_for_events(self) -> EventsSection:
        for name, rule in self.events.items():
            for meeting, event in rule.held_for.items():
                if not meeting.strip():
                    raise ValueError(f"events.{name}.held_for: empty meeting word")
                if event not in self.events:
                    raise ValueError(
                        f"events.{name}.held_for.{meeting}: {event!r} is not an event of this file"
                    )
        return self

    def aliases(self, event: EventRule) -> list[str]:
        """The event's aliases, one per market for an alias holding ``{market}``."""
        out: list[str] = []
        for alias in event.aliases:
            if MARKET in alias:
                out.extend(alias.replace(MARKET, market) for market in self.markets)
            else:
                out.append(alias)
        return out


MARKET = "{market}"  # in an event alias: any of events.markets


# --------------------------------------------------------------------------- units and qualifiers


class Conversion(Section):
    """``斤: {to: 吨, factor: 0.0005}``: a value in 斤 times ``factor`` is a value in 吨."""

    to: str = Field(min_length=1)
    factor: float = Field(gt=0)


class UnitsSection(Section):
    currencies: dict[IsoCode, list[str]] = Field(default_factory=dict, description="ISO code -> words")
    default_currency: str = "CNY"
    counters: list[str] = Field(default_factory=list)
    # one quantity in two units: 斤 -> 吨 (topics and checks compare in ``to``)
    conversions: dict[str, Conversion] = Field(default_factory=dict)
    # magnitude phrases that are not figures: 百亿补贴, 千亿级流量
    not_figures: list[str] = Field(default_factory=list)
    # the number pass (kcheck.extract.numbers): units, magnitudes and what is not a figure
    currency_symbols: dict[str, IsoCode] = Field(default_factory=dict, description="$ -> USD, ￥ -> CNY")
    percent: list[str] = Field(default_factory=list, description="86.1%: unit '%'")
    points: list[str] = Field(default_factory=list, description="个百分点: unit 'pp'")
    basis_points: list[str] = Field(default_factory=list, description="10个基点 = 0.1 pp")
    multiples: list[str] = Field(default_factory=list, description="倍: unit 'x'")
    tenths: list[str] = Field(default_factory=list, description="七成 = 70%")
    discounts: list[str] = Field(default_factory=list, description="八折 = 80%")
    not_counters: list[str] = Field(default_factory=list, description="年, 个月: dates and durations")
    unit_blockers: dict[str, str] = Field(default_factory=dict, description="unit -> regex after it")
    magnitudes: dict[str, int] = Field(default_factory=dict, description="万 -> 10000, k -> 1000")
    numeral_aliases: dict[str, str] = Field(default_factory=dict, description="俩 -> 两")
    not_before: list[str] = Field(default_factory=list, description="第, 双: ordinals and names")
    not_figure_patterns: list[str] = Field(default_factory=list, description="regexes: dates, phones")
    order_of_magnitude: list[str] = Field(default_factory=list, description="亿级: 级 after a magnitude")
    code_patterns: list[str] = Field(default_factory=list, description="regexes: bare identifiers")
    small_units: dict[str, Literal[10, 100, 1000]] = Field(
        default_factory=dict, description="十 -> 10, 佰 -> 100: the units inside a Chinese numeral"
    )
    minus_signs: list[str] = Field(default_factory=list, description="-: negative unless glued (x-1)")
    negative_words: list[str] = Field(default_factory=list, description="负: always negative")
    plain_currency_words: list[str] = Field(
        default_factory=list, description="元, 块: default-currency words a currency named with them refines"
    )
    minor_units: dict[str, float] = Field(
        default_factory=dict, description="角 -> 0.1, 分 -> 0.01 of the currency unit, after 元"
    )
    minor_unit_endings: list[str] = Field(default_factory=list, description="钱, 整 after 3元5角")
    counted_durations: list[str] = Field(
        default_factory=list, description="天: a not_counters word a measure of days counts in"
    )
    duration_measures: list[str] = Field(
        default_factory=list, description="周转天数, 回收期: measures of days"
    )
    duration_links: list[str] = Field(
        default_factory=list, description="为, 达: between such a measure and its days"
    )
    duration_reach: int = Field(default=24, ge=0, description="characters back a measure of days reaches")

    _check = field_validator(
        "counters",
        "not_figures",
        "percent",
        "points",
        "multiples",
        "not_counters",
        "counted_durations",
        "duration_measures",
        "duration_links",
    )(_no_blank)

    @field_validator("not_figure_patterns", "code_patterns", "unit_blockers")
    @classmethod
    def _regexes(cls, v: list[str] | dict[str, str]) -> list[str] | dict[str, str]:
        for pattern in v.values() if isinstance(v, dict) else v:
            compiled = _regex(pattern)
            if compiled.groupindex:
                raise ValueError(f"use (?:...) instead of named groups in {pattern!r}")
        return v

    @field_validator(
        "magnitudes", "numeral_aliases", "small_units", "minor_units", "minus_signs", "negative_words"
    )
    @classmethod
    def _single_chars(cls, v: dict[str, Any] | list[str]) -> dict[str, Any] | list[str]:
        for key in v:
            if len(key) != 1:
                raise ValueError(f"{key!r}: one character expected")
        return v

    @field_validator("minor_units")
    @classmethod
    def _tenths_or_hundredths(cls, v: dict[str, float]) -> dict[str, float]:
        for word, share in v.items():
            if share not in (0.1, 0.01):
                raise ValueError(
                    f"{word!r}: 0.1 (角) or 0.01 (分) of the currency unit expected, not {share}"
                )
        return v

    @model_validator(mode="after")
    def _plain_currency_is_default(self) -> UnitsSection:
        known = self.currencies.get(self.default_currency, [])
        for word in self.plain_currency_words:
            if word not in known:
                raise ValueError(
                    f"plain_currency_words: {word!r} is not a word of the default currency {self.default_currency}"
                )
        for word in self.counted_durations:
            if word not in self.not_counters:
                raise ValueError(f"counted_durations: {word!r} is not a duration word of not_counters")
        return self


class QualifierRule(Section):
    words: list[str]
    # near: just below (近700万: up to 700万, at most near_tolerance under it)
    bound: Literal["lower", "upper", "approx", "exact", "near"]
    strict: bool = False
    position: Literal["before", "after"] = "before"
    # 2000多万 = 2000万..3000万: the bound stops one step of the last written digit further
    within_step: bool = False
    # 上万, 过亿: a qualifier only before a bare magnitude word
    magnitude_only: bool = False

    _check = field_validator("words")(_no_blank)


class QualifiersSection(Section):
    qualifiers: dict[str, QualifierRule] = Field(default_factory=dict)
    approx_tolerance: float = Field(default=0.05, ge=0, lt=1, description="约 widens by this share")
    near_tolerance: float = Field(default=0.1, ge=0, lt=1, description="近/接近 reach this far below")
    # a round Arabic figure's trailing zeros may be rounding (6800亿 for 6812亿) or exact:
    # the half-unit of its last non-zero digit widens it by at most this share of the value
    # (10亿 covers 9.5亿..10.5亿, not 5亿..15亿)
    rounding_cap: float = Field(default=0.05, ge=0, lt=1, description="most a round figure widens")
    # the number pass (kcheck.extract.numbers)
    false_friends: list[str] = Field(default_factory=list, description="通过, 最近: not qualifiers")
    fillers: list[str] = Field(default_factory=list, description="超过了200亿: words after a qualifier")
    range_separators: list[str] = Field(default_factory=list, description="至, 到, -, ~")
    between_separators: list[str] = Field(default_factory=list, description="20和30之间")
    between_closers: list[str] = Field(default_factory=list, description="之间, 间")
    bound_connectors: list[str] = Field(
        default_factory=list, description="大于10小于20: what may stand between two bounds"
    )
    # self_contradiction (kcheck.check): what makes a second value of one figure in one article
    # a restatement (初步核算 / 最终核实, 调整为) or another coverage (按可比口径, 剔除)
    restatement_words: list[str] = Field(
        default_factory=list, description="初步核算, 修订: a figure restated"
    )
    coverage_words: list[str] = Field(default_factory=list, description="按可比口径, 剔除: another coverage")

    _check = field_validator(
        "false_friends",
        "fillers",
        "range_separators",
        "between_separators",
        "restatement_words",
        "coverage_words",
    )(_no_blank)


# --------------------------------------------------------------------------- kinds, scopes, changes, time


class KindsSection(Section):
    target: list[str] = Field(default_factory=list)
    forecast: list[str] = Field(default_factory=list)
    revision: list[str] = Field(default_factory=list)
    scopes: dict[str, list[str]] = Field(default_factory=dict)
    # what a standing attribute's measure ends with (全长, 占地面积): such a figure has no period
    # and its scope is `standing`
    standing: list[str] = Field(default_factory=list)
    # words of a deal or of work done in a period (成交, 出让, 新开工): a measure holding one is a
    # period's flow even when it ends with a standing word (成交规划建筑面积, 新开工面积)
    standing_flows: list[str] = Field(default_factory=list)
    changes: dict[str, list[str]] = Field(default_factory=dict)
    increase: list[str] = Field(default_factory=list)
    decrease: list[str] = Field(default_factory=list)
    # nouns holding a change verb that head a measure (增加值 "value added"): never the verb
    not_changes: list[str] = Field(default_factory=list)
    # nouns naming a rate of change: the figure after them is the change (增速为47.7%, 降幅5%)
    growth_rates: list[str] = Field(default_factory=list)
    decline_rates: list[str] = Field(default_factory=list)
    # after a change verb they make the figure the new level (增长至90%)
    to_words: list[str] = Field(default_factory=list)
    # a change between two levels of one sentence: the old level after these (由上年同期的X增至Y)
    change_from: list[str] = Field(default_factory=list)
    # verbs that take a to_word (增至, 降至): the figure after them is the new level
    change_to_verbs: list[str] = Field(default_factory=list)
    # a change on a restated, comparable basis (按可比口径): not checked against the levels
    restated_basis: list[str] = Field(default_factory=list)
    # done against a target (已完成): the figure after one is an actual, never the target continued
    achieved: list[str] = Field(default_factory=list)
    # a revision after these corrects a published actual (经核对调整为): it stays an actual
    corrected: list[str] = Field(default_factory=list)
    # words pointing back to the measure just named (该项收入, 这一数字)
    anaphora: list[str] = Field(default_factory=list)
    # after a pointing word, these make it point at an owner (该公司, 该行), not a measure
    anaphora_owners: list[str] = Field(default_factory=list)
    # the period under report (报告期内, 该季度): the last period the article named before
    report_period: list[str] = Field(default_factory=list)
    # an average over the period (平均日活): 截至6月30日 then means the year to that day
    average: list[str] = Field(default_factory=list)
    # a time after these (or before comparison_after) is the base of a change, not its period
    comparison_before: list[str] = Field(default_factory=list)
    comparison_after: list[str] = Field(default_factory=list)
    # a time after these and before 的 is the base of a ratio (恢复至2019年同期的119.1%): the
    # figure is now against then, of the period of the sentence, never the base's own value
    target_nouns: list[str] = Field(
        default_factory=list, description="目标: a target the figure before 的 is the value of"
    )
    ratio_before: list[str] = Field(default_factory=list)
    # verbs, particles and adverbs trimmed off the measure phrase (达到, 为, 了, 已)
    measure_trim: list[str] = Field(default_factory=list)
    # "now" (目前, 如今): the figure is of the present, not of a time named before it
    present: list[str] = Field(default_factory=list)
    # "respectively" (分别): the figures listed after it pair in order with the measures or
    # the entities listed before it
    respectively: list[str] = Field(default_factory=list)
    # a breakdown of the figure stated before (其中): a change after it that names no comparison
    # of its own is of the comparison of that whole (同比下降0.3%。其中，食品价格下降4.0%: yoy)
    breakdown: list[str] = Field(default_factory=list)
    # a figure after these in its sentence is an example, not a claim (假设为100份)
    hypothetical: list[str] = Field(default_factory=list)
    # words opening a measure that name its increase over the period: 新增人民币贷款8262亿元 is
    # 人民币贷款增加8262亿元, a change of the rest of the measure
    increment: list[str] = Field(default_factory=list)
    # right before a figure, after a comparison (同比, 比上年同期, 较9月): how much more or less the
    # measure was than the base's (同比多增1364亿元, 较去年同期少增近2000亿元): a change, never a level
    more: list[str] = Field(default_factory=list)
    less: list[str] = Field(default_factory=list)
    # 以 + figure + 的 + measure + one of these verbs: the measure is written after the figure
    # (锐能电池以5.62GWh的装车量位居第三, 今年春节档以80.16亿元的票房收官)
    measure_after_lead: list[str] = Field(default_factory=list)
    measure_after_verbs: list[str] = Field(default_factory=list)
    # a data table's column header holding one of these makes its figure cells changes of that
    # kind (环比 -> qoq: 深圳 -0.8 under 环比 is 深圳's change of -0.8 on the month before); the
    # kinds are those of `changes`
    header_changes: dict[str, list[str]] = Field(default_factory=dict)

    _check = field_validator(
        "standing",
        "standing_flows",
        "increment",
        "more",
        "less",
        "ratio_before",
        "breakdown",
        "target_nouns",
        "measure_after_lead",
        "measure_after_verbs",
    )(_no_blank)

    @model_validator(mode="after")
    def _more_or_less(self) -> KindsSection:
        both = sorted(set(self.more) & set(self.less))
        if both:
            raise ValueError(f"{', '.join(both)}: in both more and less (a figure is more or less, not both)")
        return self

    @model_validator(mode="after")
    def _header_change_kinds(self) -> KindsSection:
        for kind, words in self.header_changes.items():
            if kind not in self.changes:
                raise ValueError(
                    f"header_changes: {kind!r} is not a kind of change (changes: {', '.join(self.changes)})"
                )
            _no_blank(words)
        return self


AnchorKind = Literal["as_of", "since", "before", "after", "within"]


class TimePart(Section):
    """A stretch of a larger unit: months of a year (年底 -> 12..12) or days of a month (上旬 -> 1..10)."""

    first: int = Field(ge=1, le=31)
    last: int = Field(ge=1, le=31, description="months past 12 run into the next year (冬 -> 12..14)")
    approx: bool = True
    last_day: bool = Field(
        default=False,
        description="only the stretch's last day, a balance-sheet date (10月末 -> 10-31, 2021年末 -> 12-31)",
    )

    @model_validator(mode="after")
    def _ordered(self) -> TimePart:
        if self.first > self.last:
            raise ValueError(f"first ({self.first}) is after last ({self.last})")
        return self


HOLIDAY_NAMES = (
    "New Year's Day",
    "Spring Festival",
    "Tomb-sweeping Day",
    "Labour Day",
    "Dragon Boat Festival",
    "National Day",
    "Mid-autumn Festival",
)


class Festival(Section):
    """A festival business news dates things by: its official break (chinese-calendar), its day."""

    holiday: str | None = Field(
        default=None, description="the State Council holiday whose break it names (chinese-calendar's name)"
    )
    day: str | None = Field(
        default=None, description="MM-DD: the festival's own Gregorian day (双11 -> 11-11)"
    )
    lunar: str | None = Field(
        default=None, description="MM-DD: the festival's own day in the Chinese calendar (元宵节 -> 01-15)"
    )
    during: str | None = Field(
        default=None,
        description="MM-DD..MM-DD: the span its 期间 names where no statutory break does (双11 -> 11-01..11-11)",
    )

    @field_validator("holiday")
    @classmethod
    def _known_holiday(cls, v: str | None) -> str | None:
        if v is not None and v not in HOLIDAY_NAMES:
            raise ValueError(f"unknown holiday {v!r} (one of {', '.join(HOLIDAY_NAMES)})")
        return v

    @field_validator("day", "lunar")
    @classmethod
    def _month_day(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                dt.date.fromisoformat(f"2000-{v}")
            except ValueError:
                raise ValueError(f"day {v!r} is not MM-DD") from None
        return v

    @field_validator("during")
    @classmethod
    def _month_days(cls, v: str | None) -> str | None:
        if v is not None:
            first, sep, last = v.partition("..")
            try:
                start, end = dt.date.fromisoformat(f"2000-{first}"), dt.date.fromisoformat(f"2000-{last}")
            except ValueError:
                raise ValueError(f"during {v!r} is not MM-DD..MM-DD") from None
            if not sep or end < start:
                raise ValueError(f"during {v!r} is not MM-DD..MM-DD in one year")
        return v

    @model_validator(mode="after")
    def _some_date(self) -> Festival:
        if self.holiday is None and self.day is None and self.lunar is None:
            raise ValueError("a festival needs a holiday, a day or both")
        if self.day is not None and self.lunar is not None:
            raise ValueError("a festival has a Gregorian day or a lunar one, not both")
        if self.holiday is not None and self.during is not None:
            raise ValueError("a festival's 期间 is its statutory break or its own span, not both")
        return self


class TimeSection(Section):
    relative_years: dict[str, int] = Field(default_factory=dict)
    timezone: str = "Asia/Shanghai"
    # the time pass (kcheck.extract.timex): vocabulary around the numeric grammar
    anaphoric_years: list[str] = Field(default_factory=list, description="当年: the year named before")
    context_relative_years: list[str] = Field(
        default_factory=list, description="上年: one year before the year written before, else publication's"
    )
    anaphoric_months: list[str] = Field(default_factory=list, description="当月: the month named before")
    period_months: list[str] = Field(
        default_factory=list, description="单月: the last month of the period named before; else not read"
    )
    open_to_now: list[str] = Field(
        default_factory=list, description="2016年以来: runs to publication, names no year for what follows"
    )
    relative_year_spans: dict[str, tuple[int, int]] = Field(default_factory=dict)
    relative_quarters: dict[str, int] = Field(default_factory=dict)
    relative_months: dict[str, int] = Field(default_factory=dict)
    relative_days: dict[str, int] = Field(default_factory=dict)
    halves: dict[str, Literal[1, 2]] = Field(default_factory=dict)
    half_months: dict[str, Literal[1, 2]] = Field(default_factory=dict)
    quarter_words: list[str] = Field(default_factory=list)
    fiscal_year_words: list[str] = Field(default_factory=list)
    # the quarter words that name a fiscal quarter (第二财季): read in the article's fiscal year
    fiscal_quarter_words: list[str] = Field(default_factory=list)
    # companies whose fiscal year ends in another month than December: name -> last month
    fiscal_year_ends: dict[str, MonthNumber] = Field(default_factory=dict)
    full_year: list[str] = Field(default_factory=list)
    same_period: list[str] = Field(default_factory=list)
    # 到2025年底: a year's or month's 底 right after one of these is its last day
    by_prefixes: list[str] = Field(default_factory=list)
    # 首周 after a day: the days from that day (11月9日开业…首周: 7 days)
    first_days: dict[str, int] = Field(default_factory=dict)
    year_parts: dict[str, TimePart] = Field(default_factory=dict, description="in months")
    month_parts: dict[str, TimePart] = Field(default_factory=dict, description="in days")
    seasons: dict[str, TimePart] = Field(default_factory=dict, description="in months")
    period_end_words: list[str] = Field(default_factory=list, description="一季度末: its last day")
    report_period_ends: list[str] = Field(
        default_factory=list, description="年初至报告期末: the end of the period the article reported last"
    )
    range_connectors: list[str] = Field(default_factory=list)
    range_prefixes: list[str] = Field(default_factory=list)
    anchor_prefixes: dict[str, AnchorKind] = Field(default_factory=dict)
    anchor_suffixes: dict[str, AnchorKind] = Field(default_factory=dict)
    # words that open with an anchor suffix and are no suffix (截至10月底内地…: 内地, the mainland)
    not_anchor_words: list[str] = Field(default_factory=list)
    approx_suffixes: list[str] = Field(default_factory=list)
    periods_ended: dict[str, Literal[3, 6, 9, 12]] = Field(
        default_factory=dict, description="截至9月30日止第三季: months ending that day"
    )
    day_modifiers: list[str] = Field(default_factory=list)
    day_periods: list[str] = Field(default_factory=list)
    recurring_prefixes: list[str] = Field(default_factory=list)
    not_times: list[str] = Field(default_factory=list)
    lunar_markers: list[str] = Field(default_factory=list, description="农历: the date after is lunar")
    holidays: list[str] = Field(default_factory=list, description="春节, 双11: a year before one is dropped")
    festivals: dict[str, Festival] = Field(default_factory=dict, description="国庆, 双11: read as dates")
    festival_joiners: list[str] = Field(default_factory=list, description="中秋、国庆假期: one break")
    festival_breaks: list[str] = Field(default_factory=list, description="假期, 黄金周: the official break")
    festival_stops: list[str] = Field(default_factory=list, description="国庆长假结束: not a period")
    festival_during: list[str] = Field(
        default_factory=list, description="期间: of the breaks, those naming a festival's own span (双11期间)"
    )
    festival_day_suffixes: list[str] = Field(default_factory=list, description="当天: the festival's day")
    holiday_words: list[str] = Field(
        default_factory=list, description="假期, 黄金周 alone: the holiday break the article named last"
    )
    festival_break_days: dict[str, Literal["first", "last"]] = Field(
        default_factory=dict, description="最后一天: a day of the break"
    )
    relative_weeks: dict[str, int] = Field(
        default_factory=dict, description="上周三: weeks from publication's"
    )
    days_ago_words: list[str] = Field(default_factory=list, description="3天前: days before publication")
    weekday_words: list[str] = Field(default_factory=list, description="星期, 周: a weekday, never resolved")
    weekday_names: list[str] = Field(default_factory=list, description="一 .. 日, 天 after a weekday word")
    relative_centuries: dict[str, int] = Field(
        default_factory=dict, description="上世纪 -> -1: 90年代 in the century before publication's"
    )
    first_month_words: list[str] = Field(default_factory=list, description="首月: the first month")
    last_months_words: list[str] = Field(default_factory=list, description="最后, 后 before N个月")
    last_days_words: list[str] = Field(default_factory=list, description="最后 before N天")
    two_digit_year_ahead: int = Field(default=10, ge=0, le=99)
    yearless_future_days: int = Field(default=300, ge=0, le=366)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        # an unknown zone would silently become UTC while notes still named it
        try:
            zoneinfo.ZoneInfo(v)
            return v
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
        if v and dateutil_tz.gettz(v) is not None:  # the fallback kcheck.load.dates uses
            return v
        raise ValueError(f"unknown time zone {v!r} (an IANA name such as 'Asia/Shanghai')")

    _check = field_validator(
        "anaphoric_years",
        "context_relative_years",
        "anaphoric_months",
        "period_months",
        "open_to_now",
        "by_prefixes",
        "quarter_words",
        "fiscal_year_words",
        "fiscal_quarter_words",
        "full_year",
        "same_period",
        "period_end_words",
        "report_period_ends",
        "range_connectors",
        "range_prefixes",
        "approx_suffixes",
        "day_modifiers",
        "day_periods",
        "recurring_prefixes",
        "not_times",
        "not_anchor_words",
        "lunar_markers",
        "holidays",
        "festival_joiners",
        "festival_breaks",
        "festival_day_suffixes",
        "festival_stops",
        "festival_during",
        "holiday_words",
        "days_ago_words",
        "weekday_words",
        "weekday_names",
        "first_month_words",
        "last_months_words",
        "last_days_words",
    )(_no_blank)


# --------------------------------------------------------------------------- page furniture


class BoilerplateSection(Section):
    drop_tags: list[str] = Field(default_factory=list)
    drop_selectors: list[str] = Field(default_factory=list)
    end_markers: list[str] = Field(default_factory=list, description="regexes: the article ends here")
    drop_lines: list[str] = Field(default_factory=list, description="regexes: a whole line of furniture")
    byline_patterns: list[str] = Field(default_factory=list)
    # regexes: a numbered headline item (（一）…, 1、…) with a figure is article text, not furniture
    numbered_items: list[str] = Field(default_factory=list)
    # words that put a dated statement in the future (将于, 即将): such a date does not bound
    # the publication date the loader infers from the dates an article states
    future_cues: list[str] = Field(default_factory=list)
    # words before a table's unit in its caption or header (单位：亿元): each figure cell of the
    # table is read with that unit
    table_units: list[str] = Field(default_factory=list)
    # a data table's layout (kcheck.load.tables): a first-column header naming a kind of place
    # (城市) makes each row label a place owning its row's figures, as does a label ending with
    # one of table_place_ends and as long as table_place_chars; a label in table_totals is the
    # table's total; table_caption_ends close a caption without naming its measure (情况, 变动)
    table_place_headers: list[str] = Field(default_factory=list)
    table_place_ends: list[str] = Field(default_factory=list)
    table_place_chars: tuple[int, int] = (2, 6)
    table_totals: list[str] = Field(default_factory=list)
    table_caption_ends: list[str] = Field(default_factory=list)
    # regexes: the calendar spans a table's caption names for every cell (1—10月, 2025年上半年)
    table_periods: list[str] = Field(default_factory=list)

    _no_blank_table = field_validator(
        "table_units", "table_place_headers", "table_place_ends", "table_totals", "table_caption_ends"
    )(_no_blank)

    @field_validator("table_place_ends")
    @classmethod
    def _one_character(cls, v: list[str]) -> list[str]:
        for end in v:
            if len(end) != 1:
                raise ValueError(f"place end {end!r} is not one character")
        return v

    @field_validator("table_place_chars")
    @classmethod
    def _chars_range(cls, v: tuple[int, int]) -> tuple[int, int]:
        if not 1 <= v[0] <= v[1]:
            raise ValueError(f"place length [{v[0]}, {v[1]}] is not a range of at least one character")
        return v

    @field_validator("end_markers", "drop_lines", "byline_patterns", "numbered_items", "table_periods")
    @classmethod
    def _regexes(cls, v: list[str]) -> list[str]:
        for pattern in v:
            _regex(pattern)
        return v

    @field_validator("byline_patterns")
    @classmethod
    def _bylines_dated(cls, v: list[str]) -> list[str]:
        for pattern in v:
            if "date" not in re.compile(pattern).groupindex:
                raise ValueError(f"byline pattern {pattern!r} has no (?P<date>...) group")
        return v

    @field_validator("drop_selectors")
    @classmethod
    def _selectors(cls, v: list[str]) -> list[str]:
        import soupsieve  # only needed to validate; BeautifulSoup brings it

        for selector in v:
            try:
                soupsieve.compile(selector)
            except Exception as exc:  # soupsieve's SelectorSyntaxError and friends
                raise ValueError(f"bad CSS selector {selector!r}: {str(exc).splitlines()[0]}") from None
        return v


# --------------------------------------------------------------------------- checks


class FuzzyThresholds(Section):
    entity: float = Field(default=90, ge=0, le=100)
    metric: float = Field(default=85, ge=0, le=100)
    event: float = Field(default=80, ge=0, le=100)
    # a measure phrase shorter than this (after folding and dropping punctuation) names nothing
    min_measure_chars: int = Field(default=2, ge=1)
    # two documents carrying one sentence, figure aside, state the same thing even when no
    # entity or measure was recognised (a syndicated copy); only sentences at least this long
    min_sentence_chars: int = Field(default=12, ge=1)
    # a figure that names no entity meets others by its measure phrase alone only when the
    # phrase is at least this long (粗钢产量, 全国铁路发送旅客): a weak link, at most a warning
    min_unnamed_chars: int = Field(default=4, ge=1)


FigureDimension = Literal["money", "count", "percent", "pp", "multiple"]
_FIGURE_DIMENSIONS: tuple[FigureDimension, ...] = ("money", "count")


class ReusedFigureRules(Section):
    """Which figures are distinctive enough that seeing one twice is suspicious."""

    # significant digits as written, trailing zeros of a whole number not counted (2000 -> 1)
    min_significant_digits: int = Field(default=3, ge=1)
    # ... or a figure at least this large (5亿 has one digit but is no everyday number)
    min_magnitude: float = Field(default=1e4, ge=0)
    dimensions: list[FigureDimension] = Field(default_factory=lambda: list(_FIGURE_DIMENSIONS))


KNOWN_CHECKS = tuple(t.value for t in CheckType)


def _known_checks(names: list[str]) -> list[str]:
    for name in names:
        if name not in KNOWN_CHECKS:
            raise ValueError(f"unknown check {name!r} (known: {', '.join(KNOWN_CHECKS)})")
    return names


class ChecksSection(Section):
    # a value_mismatch whose relative gap is below this is a warning (a rounding slip), else an error
    warning_gap: float = Field(default=0.05, ge=0)
    growth_tolerance_pp: float = Field(default=1.0, ge=0)
    # a change in percentage points may miss the difference of its two stated rates by this much
    points_tolerance_pp: float = Field(default=0.2, ge=0)
    fuzzy: FuzzyThresholds = Field(default_factory=FuzzyThresholds)
    severities: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)
    disabled: list[str] = Field(default_factory=list)
    reused_figure: ReusedFigureRules = Field(default_factory=ReusedFigureRules)
    # a plain figure may be cut off rather than rounded (1758.87亿 written 1758亿): compare it
    # as reaching up to one written unit beyond its value, not only half a unit
    truncation: bool = True
    # two sources' rates (% or percentage points) at one precision, one written unit apart
    # (-0.3% / -0.4%), agree only on their rounding boundary: a warning (value_mismatch)
    rates_one_unit_apart: bool = True

    @field_validator("disabled")
    @classmethod
    def _disabled_known(cls, v: list[str]) -> list[str]:
        return _known_checks(v)

    @field_validator("severities")
    @classmethod
    def _severities_known(cls, v: dict[str, str]) -> dict[str, str]:
        _known_checks(list(v))
        return v


SECTIONS: dict[str, type[Section]] = {
    "entities": EntitiesSection,
    "metrics": MetricsSection,
    "events": EventsSection,
    "units": UnitsSection,
    "qualifiers": QualifiersSection,
    "kinds": KindsSection,
    "time": TimeSection,
    "boilerplate": BoilerplateSection,
    "checks": ChecksSection,
}


_T = TypeVar("_T")


class RuleSet(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    entities: EntitiesSection = Field(default_factory=EntitiesSection)
    metrics: MetricsSection = Field(default_factory=MetricsSection)
    events: EventsSection = Field(default_factory=EventsSection)
    units: UnitsSection = Field(default_factory=UnitsSection)
    qualifiers: QualifiersSection = Field(default_factory=QualifiersSection)
    kinds: KindsSection = Field(default_factory=KindsSection)
    time: TimeSection = Field(default_factory=TimeSection)
    boilerplate: BoilerplateSection = Field(default_factory=BoilerplateSection)
    checks: ChecksSection = Field(default_factory=ChecksSection)
    files: dict[str, str] = Field(default_factory=dict, description="section -> file it was read from")

    def derived(self, build: Callable[[RuleSet], _T]) -> _T:
        """``build(self)``, worked out once for this rule set and kept with it: what a stage
        derives from the rules (grouping's folded legal suffixes and measure edge words), with
        no module-level memo. A copy with changes (``model_copy``) works it out afresh."""
        memo = self._derived
        if build not in memo:
            memo[build] = build(self)
        return cast(_T, memo[build])

    @cached_property
    def _derived(self) -> dict[Callable[[RuleSet], object], object]:
        return {}

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> RuleSet:
        copied = super().model_copy(update=update, deep=deep)
        copied.__dict__.pop("_derived", None)  # worked out from the rules it was copied from
        return copied

    @model_validator(mode="after")
    def _aliases_unique(self) -> RuleSet:
        # one alias naming two canonical entities would make grouping arbitrary
        for section, table in (("entities", self.entities.entities), ("metrics", self.metrics.metrics)):
            seen: dict[str, str] = {}
            for name, rule in table.items():
                for alias in [name, *rule.aliases]:
                    if alias in seen and seen[alias] != name:
                        raise ValueError(
                            f"{section}: alias {alias!r} names both {seen[alias]!r} and {name!r}"
                        )
                    seen[alias] = name
        return self


# --------------------------------------------------------------------------- loading


def _node_line(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """Line (1-based) of the YAML node a pydantic error location points at."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if node is None:
            break
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for key, value in node.value:
                if str(key.value) == str(part):
                    # an unknown key is best shown on the key itself
                    nxt = value
                    line = key.start_mark.line + 1
                    break
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _describe(err: Any) -> str:
    loc = err["loc"]
    where = loc[-1] if loc else ""
    if err["type"] == "extra_forbidden":
        return f"unknown key {where!r}"
    if err["type"] == "missing":
        return f"missing key {where!r}"
    if err["type"] == "string_pattern_mismatch" and loc and loc[-1] == "[key]":
        return f"{'.'.join(str(p) for p in loc[:-1])}: key does not match {err['ctx']['pattern']}"
    msg = str(err["msg"]).removeprefix("Value error, ")
    path = ".".join(str(p) for p in loc)
    return f"{path}: {msg}" if path else msg


def _read_text(path: Path) -> str:
    """A rules file's text: a regular file of at most MAX_RULES_BYTES, UTF-8 (BOM allowed)."""
    try:
        raw = read_bytes(path, str(path), limit=MAX_RULES_BYTES)
    except LoadError as exc:
        if exc.reason.startswith("empty file"):
            return ""
        raise ValueError(exc.reason) from None
    if b"\x00" in raw:
        raise ValueError("binary file (NUL bytes), not YAML")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte {exc.start})") from None


def _parse(path: Path) -> tuple[dict[str, Any] | None, yaml.Node | None, list[str]]:
    """A rules file's top-level mapping and its YAML node tree (for line numbers)."""
    try:
        text = _read_text(path)
    except ValueError as exc:
        return None, None, [f"{path}: cannot read: {exc}"]
    try:
        node = safeyaml.compose(text, unique_keys=True)
        data = safeyaml.construct(node, unique_keys=True)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        return None, None, [f"{path}{where}: invalid YAML: {problem}"]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, None, [f"{path}:1: expected a mapping of keys at the top level"]
    return data, node, []


def _merge(base: Any, extra: Any) -> Any:
    """``extends: default``: mappings merged key by key, lists appended, scalars replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


def read_section(path: Path, name: str, default: Path | None = None) -> tuple[Section | None, list[str]]:
    """Parse and validate one rules file; return it and its problems as ``file:line: msg``.

    A file whose top level says ``extends: default`` is merged onto ``default`` (the
    built-in file of the same section) before it is validated.
    """
    data, node, problems = _parse(path)
    if data is None:
        return None, problems
    extends = data.pop("extends", None)
    if extends is not None:
        if extends != "default":
            line = _node_line(node, ("extends",))
            return None, [f"{path}:{line}: extends: only 'default' can be extended, not {extends!r}"]
        if default is not None and default.resolve() != path.resolve():
            base, _, problems = _parse(default)
            if base is None:
                return None, problems
            data = _merge(base, data)
    try:
        return SECTIONS[name].model_validate(data), []
    except ValidationError as exc:
        for err in exc.errors():
            line = _node_line(node, tuple(err["loc"]))
            problems.append(f"{path}{f':{line}' if line else ''}: {_describe(err)}")
        return None, problems


def check_rules(directory: Path | None) -> tuple[RuleSet | None, list[str]]:
    """Validate a rules directory; every problem is returned, none raised."""
    problems: list[str] = []
    sections: dict[str, Any] = {}
    files: dict[str, str] = {}
    missing: list[str] = []  # sections found neither in ``directory`` nor built in
    defaults = default_rules_dir()
    if directory is not None and not directory.is_dir():
        return None, [f"{directory}: not a rules directory"]
    if directory is not None:
        for path in sorted(directory.glob("*.y*ml")):
            if path.stem not in SECTIONS:
                known = ", ".join(sorted(SECTIONS))
                problems.append(f"{path}:1: unknown rules file {path.name!r} (known: {known})")
    for name in SECTIONS:
        chosen = None
        for base in ([directory] if directory is not None else []) + [defaults]:
            for ext in (".yaml", ".yml"):
                if (base / f"{name}{ext}").is_file():
                    chosen = base / f"{name}{ext}"
                    break
            if chosen:
                break
        if chosen is None:  # never a section silently empty
            missing.append(name)
            continue
        builtin = next(
            (defaults / f"{name}{ext}" for ext in (".yaml", ".yml") if (defaults / f"{name}{ext}").is_file()),
            None,
        )
        section, errs = read_section(chosen, name, builtin)
        problems.extend(errs)
        if section is not None:
            sections[name] = section
            files[name] = str(chosen)
    if missing:
        # a src/ tree copied without rules/ beside it, or an install without its rules
        problems.append(
            f"{defaults}: built-in rules missing ({', '.join(f'{n}.yaml' for n in missing)}): "
            "kcheck's rules/ must sit beside src/, or be installed as kcheck/default_rules"
        )
    if problems:
        return None, problems
    try:
        return RuleSet(**sections, files=files), []
    except ValidationError as exc:
        return None, [f"{directory or defaults}: {_describe(e)}" for e in exc.errors()]


def load_rules(directory: Path | str | None = None) -> RuleSet:
    """Load a rules directory (sections it lacks come from the defaults); raise RulesError."""
    rules, problems = check_rules(Path(directory) if directory is not None else None)
    if rules is None:
        raise RulesError(problems)
    return rules
