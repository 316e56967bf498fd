"""kcheck.extract.claims.entity: whose figure it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from claimrows import claim, fields

import kcheck


@pytest.mark.parametrize(
    ("text", "quote", "entity", "entity_from", "subject"),
    [
        ("快手电商交易总额（GMV）达到1758亿元", "1758亿元", "快手", "rules", "快手电商"),  # an alias
        (
            "淘宝在抖音的广告投放，在2020年就超过了200亿元",
            "超过了200亿元",
            "淘宝",
            "rules",
            None,
        ),  # 抖音: object
        (
            "快手和抖音的GMV都超过了1000亿元",
            "超过了1000亿元",
            "快手",
            "rules",
            "快手",
        ),  # coordinated: the first
        (
            "“小波私房菜”是位超300万粉丝的美食主播",
            "超300万",
            "小波私房菜",
            "subject",
            "小波私房菜",
        ),  # as written
        ("上万亿的电商交易额", "上万亿", None, None, None),  # nobody named
        # an open name after a one-character preposition (entities.name_lead_ins)
        ("以沧澜钢铁为例，公司11月粗钢产量为168万吨", "168万吨", "沧澜钢铁", "rules", None),
        # the shortest name at a boundary is still taken first
        ("以岭药业2023年营业收入103.18亿元", "103.18亿元", "以岭药业", "rules", "以岭药业"),
        # 公共 holds 共 and goes on; 全省 opens a region's figure, no name (blind set 6, fisc3)
        ("1—10月，全省一般公共预算收入7362亿元，同比增长4.1%", "7362亿元", None, None, None),
        ("分税种看，全省证券交易印花税142亿元", "142亿元", None, None, None),
        # a Taiwan paper's region before a mainland name (entities.name_regions, blind set 6, trav)
        ("大陸海鷗航空今年以來已恢復國際航線18條", "18條", "海鸥航空", "rules", "海鷗航空"),
        # an express carrier by its suffix (entities.name_suffixes: 快递, 速递, 速运, 快运)
        (
            "速达快递11月18日晚间披露的10月经营简报显示，当月公司完成快递业务量21.63亿票",
            "21.63亿",
            "速达快递",
            "rules",
            None,
        ),
        # a name, its time, then its predicate: the subject as written
        ("晶澜科技2023年实现营业收入12.48亿元", "12.48亿元", "晶澜科技", "subject", "晶澜科技"),
        # a work in 《》 right before its measure owns the figure, read as written (dev corpus film)
        ("档期冠军《长河落日》春节档票房28.64亿元", "28.64亿元", "《长河落日》", "subject", "《长河落日》"),
        (
            "星河影业出品的《长河落日》以26.84亿元的档期票房位居第一",
            "26.84亿元",
            "《长河落日》",
            "subject",
            "《长河落日》",
        ),
        # a table's row: its columns say what the figure is, not the title before it
        ("《长河落日》 26.84 星河影业 33.5%", "33.5%", None, None, None),
        # a word naming one period of a total is a time, not a name (dev corpus port1)
        ("其中，三季度单季完成集装箱吞吐量845.3万标准箱", "845.3万标准箱", None, None, None),
        # a subject ending with a measure's head (entities.measure_ends: 人次) is the measure,
        # not a name (dev corpus film1)
        ("2024年春节档全国电影票房为80.16亿元；观影人次为1.63亿，同比增长26.4%", "1.63亿", None, None, None),
        # the country named after the last name of the sentence: a figure whose clause writes no
        # subject is the country's, the name before it the source (dev corpus batt1, tel2)
        (
            "财联社6月11日电，中国汽车动力电池产业创新联盟今日发布数据，5月，我国动力电池装车量43.9GWh，"
            "同比增长35.6%，环比增长11.8%。",
            "35.6%",
            None,
            None,
            None,
        ),
        (
            "工业和信息化部11月20日发布的数据显示，截至10月末，我国5G基站总数达441.4万个，占移动基站总数的33.2%；",
            "33.2%",
            None,
            None,
            None,
        ),
        # a subject phrase ending with 总数 or 户数 is the measure (entities.measure_ends), not a
        # name (dev corpus tel2: 移动客户总数达10.12亿户)
        ("运营商方面，华联移动净增312万户；移动客户总数达10.12亿户。", "10.12亿户", None, None, None),
        # ... but the country after a preposition is a place: the company's figure (dev corpus edu4)
        (
            "启明教育（NYSE:QMED）成立于2008年，目前在全国约90个城市运营学习中心。",
            "约90个",
            "启明教育",
            "rules",
            None,
        ),
    ],
)
def test_entity(
    text: str, quote: str, entity: str | None, entity_from: str | None, subject: str | None
) -> None:
    assert fields(claim(text, quote), "entity", "entity_from", "subject") == (entity, entity_from, subject)


def test_entity_carries_to_the_next_sentence_of_the_paragraph() -> None:
    c = claim("快手2021年第三季度GMV达1758亿元。该季度电商收入为20亿元", "20亿元")
    assert fields(c, "entity", "period") == ("快手", "2021-07-01..2021-09-30")


@pytest.mark.parametrize(
    ("text", "quote", "word"),
    [
        ("报告期内，车险保费收入486.2亿元，同比增长5.3%", "486.2亿元", "报告期"),  # a time
        ("按可比口径计算，营业收入增长8.1%", "8.1%", "按可比口径"),  # a manner
        ("数据宝统计，这些公司净利润合计达到120亿元", "120亿元", "数据宝统计"),  # a source
        ("两年平均增长6.5%", "6.5%", "两年平均"),  # an average
        ("值得注意的是，全国出口增长12.4%", "12.4%", "值得注意"),  # a remark
        ("证券公司总资产分别为1.2万亿元", "1.2万亿元", "证券公司总资产分别"),  # an adverb
        # a statistic's name (metrics.measure_forms) is a measure, no subject (blind set 4: tea3)
        ("下半年将放缓一线城市开店节奏，全年开店目标维持2500家不变", "2500家", "开店"),
        # a stop word (中) inside the second name cut the coordination (dev corpus tel1)
        ("三家基础电信企业及中国广电的移动电话用户总数达17.76亿户", "17.76亿户", "三家基础电信企业及"),
    ],
)
def test_function_words_name_no_one(text: str, quote: str, word: str) -> None:
    entity, subject = fields(claim(text, quote), "entity", "subject")
    assert word not in (entity, subject)


@pytest.mark.parametrize(
    ("text", "quote", "entity", "entity_from", "metric"),
    [
        # bare 行业 in an article about 证券公司: the securities industry, inferred
        (
            "证券公司经营稳健。截至2021年末，行业总资产10.53万亿元",
            "10.53万亿元",
            "证券行业",
            "document",
            "total_assets",
        ),
        # the next figure of the sentence has the same owner
        (
            "证券公司经营稳健。截至2021年末，行业总资产10.53万亿元，净资产2.51万亿元",
            "2.51万亿元",
            "证券行业",
            "document",
            "net_assets",
        ),
        # named: a rules link
        ("截至2021年末，证券行业总资产为10.59万亿元", "10.59万亿元", "证券行业", "rules", "total_assets"),
        # a source after 根据 is not the owner
        (
            "证券公司经营稳健。根据中证协数据，行业总资产10.53万亿元",
            "10.53万亿元",
            "证券行业",
            "document",
            "total_assets",
        ),
        # an article naming no industry: nobody
        ("截至2021年末，行业总资产10.53万亿元", "10.53万亿元", None, None, "total_assets"),
    ],
)
def test_industry_entities(
    text: str, quote: str, entity: str | None, entity_from: str | None, metric: str
) -> None:
    assert fields(claim(text, quote), "entity", "entity_from", "metric") == (entity, entity_from, metric)


# The article's company (issue 9): a name given with its stock code or after 简称 is an entity
# wherever the article writes it, and 公司 / a figure with no subject stands for it, an inferred
# link (entity_from="document", so a finding is at most a warning). Phrases of the dev corpus.
@pytest.mark.parametrize(
    ("text", "quote", "entity", "entity_from"),
    [
        # 公司 after a source: the article's company, not 年报
        (
            "瑞柏医药（688325.SH）发布年报。\n年报显示，2023年公司研发投入19.7亿元",
            "19.7亿元",
            "瑞柏医药",
            "document",
        ),
        # traditional text and a Hong Kong code; no subject written
        (
            "華信保險（02917.HK）昨晚公布業績。\n期內股東應佔淨利潤98.47億元人民幣",
            "98.47億元人民幣",
            "华信保险",
            "document",
        ),
        # a US listing
        (
            "启明教育（NYSE: QMED）公布第二财季业绩。\n公司净营收为3.86亿美元",
            "3.86亿美元",
            "启明教育",
            "document",
        ),
        # the short name after 简称
        (
            "瑞柏医药股份有限公司（公司简称：瑞柏医药）披露年报。\n研发投入合计19.70亿元",
            "19.70亿元",
            "瑞柏医药",
            "document",
        ),
        # the name written again is a rules link
        (
            "趣游科技（09877.HK）发布三季报。\n三季度趣游科技实现总收入68.4亿元",
            "68.4亿元",
            "趣游科技",
            "rules",
        ),
        # a look-alike cited later in the article is not its company
        (
            "丰禾牧业（002898）公告。\n公司11月销售生猪612.5万头。\n与丰禾牧业名称相近的丰禾种业（300879）同日公告。",
            "612.5万头",
            "丰禾牧业",
            "document",
        ),
        # the country's figure is never the company's
        ("矽川半导体（688512）发布半年报。\n7月全国集成电路产量293亿块", "293亿块", None, None),
        # a figure writing no subject after one of no one in its paragraph continues it, not the
        # company (blind set 3: ret3, the country's retail sales in an article on a retailer)
        (
            "百悦商业（600898）昨日披露。\n全国层面，10月份社会消费品零售总额45396亿元，同比增长4.8%；1—10月份增长3.5%。",
            "3.5%",
            None,
            None,
        ),
        (
            "百悦商业（600898）昨日披露。\n全国层面，10月份社会消费品零售总额45396亿元；1—10月份增长3.5%。"
            "1—10月份，全国网上零售额124258亿元，同比增长8.8%。",
            "8.8%",
            None,
            None,
        ),
        # ... but the first figure of a paragraph on the company is still the company's
        (
            "百悦商业（600898）昨日披露。\n该店营业面积约12.8万平方米",
            "约12.8万平方米",
            "百悦商业",
            "document",
        ),
        # a cut (entities.name_cuts: 港) never leaves a bare suffix (务集团): the name is whole
        (
            "东津港务集团（601286.SH）发布生产经营数据。\n集团今年的集装箱吞吐量目标为3300万标准箱",
            "3300万标准箱",
            "东津港务集团",
            "document",
        ),
        # an operator's article: what it runs, written alone, is it (entities.operator_forms)
        (
            "昨日，东津港务集团（601286.SH）发布生产经营数据。9月，东津港完成集装箱吞吐量286.4万标准箱",
            "286.4万标准箱",
            "东津港务集团",
            "rules",
        ),
        # a sentence after ； continuing the country's figures is the country's, not the company's
        (
            "东津港务集团（601286.SH）发布数据。\n前三季度全国港口完成货物吞吐量127.5亿吨，同比增长8.5%；"
            "完成集装箱吞吐量2.33亿标准箱，同比增长4.9%。",
            "2.33亿标准箱",
            None,
            None,
        ),
        # a later clause naming no one continues the subject its sentence wrote, not the
        # article's company (dev corpus batt1: the alliance's article, 锐能电池's share)
        (
            "中国汽车动力电池产业创新联盟（简称：动力电池联盟）发布数据。\n"
            "锐能电池以5.62GWh的装车量位居第三，市场份额为12.8%",
            "12.8%",
            "锐能电池",
            "subject",
        ),
        (
            "动力电池联盟（简称：动力电池联盟）发布数据。\n5月装车量43.9GWh，市场份额为12.8%",
            "12.8%",
            "动力电池联盟",
            "document",
        ),
        # ... but after a sentence of the company's, 公司's figures stay the company's
        (
            "东津港务集团（601286.SH）发布数据。\n前三季度完成货物吞吐量4.12亿吨，同比增长3.1%；"
            "完成集装箱吞吐量2485.7万标准箱，同比增长5.6%。",
            "2485.7万标准箱",
            "东津港务集团",
            "document",
        ),
        # a name opening a sentence before a day and a disclosure verb (entities.disclosure_verbs):
        # the company whose filing a flash reports, with no stock code (real probe)
        (
            "澄岭科技3月18日晚间公告，拟以3000万元-6000万元回购公司股份。\n公司回购价格不超过25元/股",
            "不超过25元",
            "澄岭科技",
            "document",
        ),
        (
            "禾丰智造8月20日发布2025年半年度报告，上半年公司实现营业收入12.4亿元",
            "12.4亿元",
            "禾丰智造",
            "document",
        ),
        # a public body opening the sentence is a source (entities.source_ends), not the company,
        # nor is 公司 after a preposition (dev corpus game3)
        ("国家统计局10月15日发布数据。\n公司9月份营业收入8.1亿元", "8.1亿元", None, None),
        ("据公司11月15日发布的三季报，三季度游戏业务收入47.2亿元", "47.2亿元", None, None),
        # a body releasing statistics publishes data, not a filing (entities.report_objects)
        ("央行9月12日发布的8月金融数据显示。\n8月末人民币贷款余额192.7万亿元", "192.7万亿元", None, None),
    ],
)
def test_the_articles_company(text: str, quote: str, entity: str | None, entity_from: str | None) -> None:
    assert fields(claim(text, quote), "entity", "entity_from") == (entity, entity_from)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("社融增量为1.59万亿元，同比多1970亿元", "1.59万亿元"),  # a measure, not a name
        # measure heads (entities.measure_ends: 比例, 票房), not names (dev corpus)
        ("现金分红比例为30.1%", "30.1%"),
        ("业内人士预计，2024年全年票房有望超过600亿元", "超过600亿元"),
        # 恢复至 "recovered to" is a predicate, not a subject (entities.non_name_starts)
        ("端午节假期，国内旅游出游1.06亿人次，恢复至2019年同期的112.8%", "112.8%"),
        ("1—10月，全国社会物流总额为261.8万亿元", "261.8万亿元"),  # the country's measure
        ("据文化和旅游部数据，假期国内旅游收入8534.3亿元", "8534.3亿元"),  # a source after 据
        ("1—10月份，规模以上工业企业利润同比增长42.2%", "42.2%"),  # 规模以上: a coverage
        ("今年1-11月我国累计出口钢材8266.5万吨", "8266.5万吨"),  # the country
        # a statistic of the whole economy: its publisher is a source, not its owner
        ("中国人民银行数据显示，10月社会融资规模增量为1.59万亿元", "1.59万亿元"),
        # the country's figure after a sentence about a part: nothing carried over
        ("其中，城市下降0.2%，农村下降0.6%。1—10月平均，全国居民消费价格比上年同期上涨0.4%", "0.4%"),
        # a run opening with 公司 before a name suffix (保险) is 公司 and a measure, no name
        ("前三季度，公司原保险保费收入由上年同期的1951.1亿元增至2046.7亿元", "2046.7亿元"),
        # kinds of area are no one (entities.generic_subjects: 城市, 农村), nor carried on
        ("其中，城市下降0.2%，农村下降0.6%；食品价格下降4.0%", "0.6%"),
        ("其中，城市下降0.2%，农村下降0.6%；食品价格下降4.0%", "4.0%"),
        # "among X," names the whole broken down (entities.whole_marks), no subject
        ("食品中，畜肉类价格下降17.9%，其中猪肉价格下降30.1%", "30.1%"),
        # 产生 closes a relative clause: "produced by operating activities"
        ("2023年 经营活动产生的现金流量净额 15.33亿元", "15.33亿元"),
        # the trade word heading a noun is no carrier's name (entities.trade_nouns), nor a run
        # opening with the country's word or a predicate (blind set 2: exp2)
        ("11月11日当天共揽收快递包裹7.29亿件", "7.29亿件"),
        ("今年双11期间快递业务量将超过50亿件", "超过50亿件"),
        ("前10个月，全国快递业务量累计完成1421.6亿件", "1421.6亿件"),
        ("2021年全年，我国快递业务量达1083亿件", "1083亿件"),
        # a suffix inside an alliance's or association's name is no company (entities.body_heads;
        # dev corpus batt1: 中国汽车动力电池产业创新联盟 is not 中国汽车)
        ("中国汽车动力电池产业创新联盟今日发布数据，磷酸铁锂电池装车量29.4GWh", "29.4GWh"),
        ("据中国汽车工业协会统计，新能源汽车产量95万辆", "95万辆"),
        # a stop word inside a word that goes on (entities.stop_holders: 网上) cuts no subject: the
        # whole is a measure (dev corpus ret1, ret2; 实物商品网 was read as a name)
        ("其中，实物商品网上零售额104795亿元，增长7.8%", "104795亿元"),
        ("实物商品网上零售额占社零比重为26.3%，比上年同期提高0.6个百分点", "26.3%"),
        # an alias inside a place's name is no one (entities.look_alikes: 南京东路 is no 京东)
        ("上海南京东路店开业首日客流达5万人次", "5万人次"),
        ("北京东方雨虹营收100亿元", "100亿元"),
        # 占 is a share's verb: 规模占全国 is no subject (trd3)
        ("广东省进出口7.39万亿元，规模占全国的20.5%。其中，出口4.76万亿元", "20.5%"),
        # a class of firms by ownership (non_name_ends: 企业) is no company, nor carried on (real
        # probe: 分经济类型看 in a statistics release)
        ("分经济类型看，集体企业增加值同比增长2.1%；民营企业增长4.6%", "4.6%"),
        ("分经济类型看，集体企业增加值同比增长2.1%；民营企业增长4.6%。分产品看，水泥产量下降3.3%", "3.3%"),
        # 除…以外 is the whole less a part, 涉及 the fields a list covers (non_name_starts)
        ("1-8月，除石油以外的商品零售额5123亿元", "5123亿元"),
        ("一季度签约项目25个，涉及电子元件、新材料等领域，总投资88亿元", "88亿元"),
    ],
)
def test_measures_and_sources_are_no_entity(text: str, quote: str) -> None:
    assert fields(claim(text, quote), "entity", "entity_from") == (None, None)


@pytest.mark.parametrize(
    ("title", "body", "quote", "entity"),
    [
        # a title opening with a name the body repeats: the article's company
        (
            "恒岳化学：12月MDI挂牌价上调",
            "恒岳化学公布挂牌价。恒岳化学称需求回暖。\n公司12月产量为12.5万吨。",
            "12.5万吨",
            "恒岳化学",
        ),
        # a title opening with a time (a holiday's run) names no company (dev corpus film3)
        (
            "春节档复盘：80亿背后，头部影片集中度再提升",
            "今年春节档以80.16亿元的票房收官，观影人次1.63亿。",
            "80.16亿元",
            None,
        ),
    ],
)
def test_a_title_names_the_company_unless_it_opens_with_a_time(
    tmp_path: Path, title: str, body: str, quote: str, entity: str | None
) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: {title}\ndate: 2024-02-19\n---\n\n{body}\n", encoding="utf-8")
    found = [c for c in kcheck.check([path]).claims if c.quote == quote and not c.headline]
    assert [c.entity for c in found] == [entity]


# The article's company from its title (entity.title_name): a title's head that names the kind
# of piece (entities.genre_ends: 春节档复盘：, 车市观察：) is a column, never the company, while a
# head the body repeats is still the name. Titles of the dev corpus and of the same columns.
@pytest.mark.parametrize(
    ("title", "body", "company"),
    [
        (
            "春节档复盘：80亿背后，头部影片集中度再提升",
            "今年春节档以80.16亿元的票房收官，观影人次1.63亿。",
            None,
        ),
        ("车市观察：11月新势力交付分化", "车市观察人士认为，车市观察的重点在于新势力。车市观察。", None),
        (
            "恒岳化学公布12月MDI挂牌价",
            "恒岳化学12月聚合MDI挂牌价15800元/吨。恒岳化学称，恒岳化学将继续检修。",
            "恒岳化学",
        ),
        # a company's periodic report (entities.report_ends) named by the title's head: whose
        # report, when the body writes the name once (dev corpus liq2, ins2)
        (
            "醇岭酒业三季报：中高价位酒收入增长18.6%",
            "10月29日晚间，醇岭酒业发布2024年三季度报告。",
            "醇岭酒业",
        ),
        (
            "华信保险三季报：新业务价值增长21.4% 财产险综合成本率97.6%",
            "华信保险10月27日晚间发布三季报。",
            "华信保险",
        ),
        # a head the body never writes is a phrase, not a name (dev corpus ret2)
        ("以旧换新托底 10月社零增速回升至4.8%", "10月份社会消费品零售总额45936亿元。", None),
        # a head ending as a source does (an industry alliance, entities.source_ends): no company,
        # nor a prefix of it the body repeats (dev corpus batt1)
        (
            "动力电池联盟：5月动力电池装车量43.9GWh 同比增长35.6%",
            "5月动力电池装车量43.9GWh。动力电池企业共48家。动力电池装车量同比增长35.6%。",
            None,
        ),
    ],
)
def test_the_title_names_the_company(title: str, body: str, company: str | None) -> None:
    from kcheck.api import _extractor
    from kcheck.extract.claims.entity import title_name
    from kcheck.text.fold import fold

    words = _extractor(None).passes.assembler.words
    assert title_name(words, [], fold(body), fold(title)) == company
