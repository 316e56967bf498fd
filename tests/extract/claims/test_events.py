"""kcheck.extract.claims.events: an event word dated by the day or month before it."""

from __future__ import annotations

import pytest
from claimrows import PUBLISHED, claim, fields

import kcheck

DOUYIN = "早在2020年8月，抖音就宣布10月9日起直播间将不支持第三方来源商品"


@pytest.mark.parametrize(
    ("text", "quote", "event", "entity", "date"),
    [
        ("3月1日，快手电商与淘宝、京东正式切断外链", "3月1日", "断外链", "快手", "2022-03-01..2022-03-01"),
        # an effective date (起) in the clause wins over the announcement's month
        (DOUYIN, "10月9日起", "断外链", "抖音", "2020-10-09..2020-10-09"),
        # the announcement's month dates the announcement, keyed by what it said, not the cut-off
        (DOUYIN, "2020年8月", "发布:10月9日起直播间将不支持第三方来源商品", "抖音", "2020-08-01..2020-08-31"),
    ],
)
def test_event(text: str, quote: str, event: str | None, entity: str | None, date: str) -> None:
    assert fields(claim(text, quote), "event", "entity", "date") == (event, entity, date)


@pytest.mark.parametrize(
    ("text", "quote", "event", "date"),
    [
        # open vocabulary, once per subject: the verb class
        ("1月1日，《区域全面经济伙伴关系协定》正式生效", "1月1日", "生效", "2022-01-01..2022-01-01"),
        ("公司通辽种猪繁育基地于1月2日投产", "1月2日", "投产", "2022-01-02..2022-01-02"),
        # a listing on a mainland exchange or board, however the wire names it (blind set 2, ipo)
        ("12月6日，晶澜科技（688721.SH）正式在科创板挂牌上市", "12月6日", "上市", "2021-12-06..2021-12-06"),
        ("公司股票将于12月5日在上海证券交易所科创板上市", "12月5日", "上市", "2022-12-05..2022-12-05"),
        ("12月5日，晶澜科技登陆上交所科创板", "12月5日", "上市", "2021-12-05..2021-12-05"),
        # a part of the subject is a different event: 快手电商部门成立 is not 快手成立
        ("2019年6月，快手电商部门成立", "2019年6月", "成立:部门", "2019-06-01..2019-06-30"),
        ("2011年3月，快手成立", "2011年3月", "成立", "2011-03-01..2011-03-31"),
        # a meeting held for nothing named stays a meeting (events.召开.held_for needs what it was for)
        ("10月20日，公司举行发布会", "10月20日", "召开:发布会", "2021-10-20..2021-10-20"),
        # repeated verbs: what follows tells which time
        # 举行的…上 and 召开…: one meeting, whichever verb and however it is placed (blind set, bank)
        (
            "该行将于3月29日召开2023年度业绩说明会",
            "3月29日",
            "召开:2023年度业绩说明会",
            "2022-03-29..2022-03-29",
        ),
        (
            "在3月30日举行的2023年度业绩说明会上，行长表示",
            "3月30日",
            "召开:2023年度业绩说明会",
            "2021-03-30..2021-03-30",
        ),
        (
            "2月17日，中证协发布2021年度证券公司经营业绩排名情况",
            "2月17日",
            "发布:2021年度证券公司经营业绩排名情况",
            "2022-02-17..2022-02-17",
        ),
    ],
)
def test_open_vocabulary_event(text: str, quote: str, event: str, date: str) -> None:
    assert fields(claim(text, quote), "event", "date") == (event, date)


@pytest.mark.parametrize(
    ("text", "quote", "event", "date"),
    [
        # a statement with what it said in the next clause: keyed by what it said
        (
            "邹澜10月15日表示，房地产贷款增长平稳",
            "10月15日",
            "表示:房地产贷款增长平稳",
            "2021-10-15..2021-10-15",
        ),
        (
            "锦程地产于10月31日公告，拟对一笔美元票据展期",
            "10月31日",
            "发布:拟对一笔美元票据展期",
            "2021-10-31..2021-10-31",
        ),
        # a year in the clause of a statement names a thing (2021年金融街论坛): the day dates it
        (
            "10月20日，刘鹤在2021年金融街论坛年会开幕式上致辞时强调，统筹做好金融风险防控",
            "10月20日",
            "表示:统筹做好金融风险防控",
            "2021-10-20..2021-10-20",
        ),
        (
            "上周五（8月25日）晚间，矽川半导体交出了2023年上半年成绩单",
            "8月25日",
            "发布:2023年上半年成绩单",
            "2021-08-25..2021-08-25",
        ),
        # 的公告中: the announcement is a noun, what it said comes next
        (
            "在此前（2月22日）的公告中，快手电商决定切断淘宝京东联盟商品链接",
            "2月22日",
            "发布:快手电商决定切断淘宝京东联盟商品链接",
            "2022-02-22..2022-02-22",
        ),
    ],
)
def test_an_announcement_is_keyed_by_what_it_said(text: str, quote: str, event: str, date: str) -> None:
    assert fields(claim(text, quote), "event", "date") == (event, date)


def test_an_announcement_verb_ending_its_sentence_dates_nothing() -> None:
    # nothing said after it: no way to tell which announcement it was
    assert fields(claim("财联社12月11日电，国家统计局公告", "12月11日"), "event") == (None,)


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # a verb of holding holds its own object, a meeting (events.召开.held): one that ends its
        # clause held what is named before it (keyed by it), and what the sentence says next is
        # not what was held (blind set 5, sport, a Hong Kong paper)
        ("躍動體育運營的2026嵐州馬拉松上周日（11月22日）舉行，報名人數達16.8萬人，參賽規模3.5萬人", ["召开"]),
        ("11月22日，2026岚州马拉松在兰州举行，参赛规模3.5万人", ["召开"]),
        ("11月22日，公司举行，参赛规模3.5万人", []),
        ("11月22日，公司举行2026年第一次临时股东大会，审议通过议案", ["召开:2026年第一次临时股东大会"]),
        ("11月22日，公司在杭州举办开发者论坛", ["召开:开发者论坛"]),
    ],
)
def test_what_is_held_is_a_meeting(text: str, events: list[str]) -> None:
    found = [c.event for c in kcheck.extract(text, published=PUBLISHED) if c.event is not None]
    assert found == events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # a running count after the verb says how many by then, not when one opened (ret3)
        ("今年计划新开门店8家，截至10月末已开业5家", []),
        ("今年以来已开通12条航线", []),
        # a month's count after the verb is the month's volume (a figure), not a delivery's day
        ("远航汽车10月交付5216辆，同比增长84.3%", []),
        ("星驰汽车在10月只交付了2804辆汽车", []),
        # ... but a day's count is that day's event
        ("10月28日开通了3条航线", ["开通"]),
    ],
)
def test_a_running_count_is_no_event(text: str, events: list[str]) -> None:
    found = [c.event for c in kcheck.extract(text, published=PUBLISHED) if c.event is not None]
    assert found == events


@pytest.mark.parametrize(
    ("text", "quote", "event", "subject", "date"),
    [
        # what had the event keys it: the words before the verb, time, company and fillers out
        (
            "公司位于内蒙古通辽的种猪繁育基地已于11月20日正式投产",
            "11月20日",
            "投产",
            "种猪繁育基地",
            "2021-11-20..2021-11-20",
        ),
        (
            "公司通辽种猪繁育基地于11月2日投产",
            "11月2日",
            "投产",
            "通辽种猪繁育基地",
            "2021-11-02..2021-11-02",
        ),
        (
            "公司无锡12英寸晶圆厂二期项目已于6月30日实现量产",
            "6月30日",
            "量产",
            "无锡12英寸晶圆厂二期",
            "2021-06-30..2021-06-30",
        ),
        (
            "产能方面，公司无锡12英寸晶圆厂二期于6月30日正式量产",
            "6月30日",
            "量产",
            "无锡12英寸晶圆厂二期",
            "2021-06-30..2021-06-30",
        ),
        # the agent after 获 is not the subject
        (
            "公司自主研发的1类创新药瑞替尼片于2021年12月29日获国家药监局批准上市",
            "2021年12月29日",
            "批准上市",
            "1类创新药瑞替尼片",
            "2021-12-29..2021-12-29",
        ),
        # an airline's new route (blind set, air): the route keys it
        (
            "10月29日，公司北京大兴—布达佩斯航线正式首航",
            "10月29日",
            "首航",
            "北京大兴—布达佩斯航线",
            "2021-10-29..2021-10-29",
        ),
        # a route resumed (blind set 6, trav), also in a Taiwan paper naming a mainland airline
        (
            "海鸥航空岚州—台北航线将于11月26日复航，每周执飞4班",
            "11月26日",
            "复航",
            "岚州—台北航线",
            "2022-11-26..2022-11-26",
        ),
        (
            "大陸海鷗航空嵐州—台北航線將於本週六（11月28日）復航",
            "11月28日",
            "复航",
            "岚州—台北航线",
            "2022-11-28..2022-11-28",
        ),
        (
            "12月16日，沧澜钢铁湛江基地3号高炉正式点火投产",
            "12月16日",
            "投产",
            "湛江基地3号高炉",
            "2021-12-16..2021-12-16",
        ),
        (
            "9月29日，海悦文旅旗下的海悦·星海湾乐园在青岛正式开业",
            "9月29日",
            "开业",
            "海悦·星海湾乐园（青岛）",  # where it opened, after 在, tells it from another opening
            "2021-09-29..2021-09-29",
        ),
        (
            "杭州锦程·云樾府项目于10月8日集中交付",
            "10月8日",
            "交付",
            "杭州锦程·云樾府",
            "2021-10-08..2021-10-08",
        ),
        # a title in 《》 or a name in quotes, before or after the verb
        (
            "7月28日，趣游科技的开放世界手游《山海行歌》在全球同步上线",
            "7月28日",
            "上线",
            "《山海行歌》",
            "2021-07-28..2021-07-28",
        ),
        (
            "开放世界手遊《山海行歌》自7月20日上線以來",
            "自7月20日",
            "上线",
            "《山海行歌》",
            "2021-07-20..2021-07-20",
        ),
        (
            "今年9月25日，华信保险“华信e保”APP正式上线",
            "今年9月25日",
            "上线",
            "“华信e保”",
            "2022-09-25..2022-09-25",
        ),
        # 起 inside the time (自2024年1月1日起) and the alias (起施行)
        (
            "修订后的《居民消费价格指数编制办法》将自2024年1月1日起施行",
            "自2024年1月1日起",
            "施行",
            "《居民消费价格指数编制办法》",
            "2024-01-01..2024-01-01",
        ),
        # a film's release, keyed by the market its clause names (events.markets)
        (
            "《长河落日》将于2月23日在北美地区上映",
            "2月23日",
            "上映:北美",
            "《长河落日》",
            "2022-02-23..2022-02-23",
        ),
        # a pointing word for a work (events.work_pointers): the work named last in 《》 before
        (
            "档期冠军《长河落日》则以26.84亿元领跑。据出品方星河影业消息，该片将于3月1日登陆北美院线。",
            "3月1日",
            "上映:北美",
            "《长河落日》",
            "2022-03-01..2022-03-01",
        ),
        (
            "《长河落日》票房领跑。\n公告称，该片将于2月23日在北美地区上映",
            "2月23日",
            "上映:北美",
            "《长河落日》",
            "2022-02-23..2022-02-23",
        ),
        # a released product: a model code or a product head after the verb, its generation
        # and tier (新一代, 旗舰: events.subject_fillers) said of it, not part of its name
        (
            "10月28日，启明教育发布新一代智能学习机QM-X2",
            "10月28日",
            "发布",
            "智能学习机QM-X2",
            "2021-10-28..2021-10-28",
        ),
        # ... or named before the verb, a launch told ahead or after (blind set 4, phone1 / phone2)
        (
            "公司同时宣布，新一代旗舰X9系列将于10月28日（周二）在深圳发布。",
            "10月28日（周二）",
            "发布",
            "X9系列（深圳）",
            "2022-10-28..2022-10-28",
        ),
        (
            "X9系列于10月28日发布后，首销日（11月1日）全渠道销售额突破10亿元。",
            "10月28日",
            "发布",
            "X9系列",
            "2021-10-28..2021-10-28",
        ),
        # a meeting held for an event dates it (events.召开.held_for): a 发布会 the launch of what
        # it was for, named after the launch verb next or in the meeting (phone3, traditional)
        (
            "星耀科技（01988）昨日（10月23日）在深圳舉行發佈會，推出新一代旗艦X9系列，起售價4,299元人民幣",
            "10月23日",
            "发布",
            "X9系列（深圳）",
            "2021-10-23..2021-10-23",
        ),
        ("10月23日，星耀科技举行X9系列发布会", "10月23日", "发布", "X9系列", "2021-10-23..2021-10-23"),
        (
            "11月8日，百悦商业举行广州百悦天河店开业仪式",
            "11月8日",
            "开业",
            "广州百悦天河店",
            "2021-11-08..2021-11-08",
        ),
        # what had the event written after its verb and 的, up to its head (events.subject_heads),
        # and a name after an appositive dash (blind set 3: rail3, ret2, ret3)
        (
            "去年12月26日开通的地铁5号线、7号线一期运行平稳",
            "去年12月26日",
            "开通",
            "地铁5号线、7号线一期",
            "2021-12-26..2021-12-26",
        ),
        (
            "于11月9日（周六）开业的广州百悦天河店首周实现销售额3.21亿元",
            "11月9日（周六）",
            "开业",
            "广州百悦天河店",
            "2021-11-09..2021-11-09",
        ),
        # a rule taking effect, named after the verb and 的 (dev house3 / house2)
        (
            "自10月25日起实施的江澜市住房公积金新政，将首套房公积金贷款最高额度由80万元提高至120万元",
            "自10月25日起",
            "施行",
            "江澜市住房公积金新政",
            "2022-10-25..2022-10-25",
        ),
        (
            "江澜市住房公积金新政自10月15日起实施，首套房公积金贷款最高额度由80万元提高至120万元",
            "自10月15日起",
            "施行",
            "江澜市住房公积金新政",
            "2022-10-15..2022-10-15",
        ),
        (
            "百悦商业旗下华南最大旗舰店——广州百悦天河店于11月8日开业",
            "11月8日",
            "开业",
            "广州百悦天河店",
            "2021-11-08..2021-11-08",
        ),
        # 开通 is keyed by what opened
        (
            "地铁5号线、7号线一期将于12月28日上午10时开通初期运营",
            "12月28日上午10时",
            "开通",
            "地铁5号线、7号线一期",
            "2021-12-28..2021-12-28",
        ),
        # a signing is keyed by the party signed with (events.party_words), however the company
        # is named (blind set 3: ship1, ship2)
        (
            "10月28日，海辰重工与希腊船东签约12艘18.2万吨好望角型散货船",
            "10月28日",
            "签约",
            "希腊船东",
            "2021-10-28..2021-10-28",
        ),
        (
            "公司于10月25日与希腊船东签署12艘18.2万吨好望角型散货船建造合同",
            "10月25日",
            "签约",
            "希腊船东",
            "2021-10-25..2021-10-25",
        ),
    ],
)
def test_what_had_the_event(text: str, quote: str, event: str, subject: str, date: str) -> None:
    assert fields(claim(text, quote), "event", "measure", "date") == (event, subject, date)


@pytest.mark.parametrize(
    ("text", "quote", "event"),
    [
        # too generic to key an event: its id stays the verb class and what tells it apart
        ("按照方案，展期于11月15日起生效", "11月15日起", "生效"),
        # a released report is no product
        ("10月27日晚间，恒岳化学披露三季报", "10月27日晚间", "发布:三季报"),
        # a pointing word with no work named before: nothing to key it by; another market,
        # another release
        ("该片将于2月23日在北美地区上映", "2月23日", "上映:北美"),
        ("此前已于2月10日（大年初一）在国内上映", "2月10日", "上映:国内"),
        # after 的, no head of a thing that opens: nothing to key it by
        ("11月9日开通的服务已覆盖全国", "11月9日", "开通"),
        # a signing with no party named: the verb class alone
        ("11月2日，公司正式签约", "11月2日", "签约"),
    ],
)
def test_no_subject_key(text: str, quote: str, event: str) -> None:
    assert fields(claim(text, quote), "event", "measure") == (event, None)


@pytest.mark.parametrize(
    ("text", "quote", "date"),
    [
        # told as done: a yearless day the publication year puts after publication is last year's
        ("公司于10月18日发布的新一代智能学习机QM-X2销量突破12万台", "10月18日", "2021-10-18..2021-10-18"),
        # looking ahead, or a date things run from: as the publication year gives it
        ("星海湾乐园将于9月28日开业", "9月28日", "2022-09-28..2022-09-28"),
        ("展期安排于11月15日起生效", "11月15日起", "2022-11-15..2022-11-15"),
    ],
)
def test_an_event_told_as_done_is_not_after_publication(text: str, quote: str, date: str) -> None:
    assert fields(claim(text, quote), "date") == (date,)


@pytest.mark.parametrize(
    ("text", "quote", "event", "date"),
    [
        # the time said right beside the verb, a year too
        ("启明教育成立于2008年", "2008年", "成立", "2008-01-01..2008-12-31"),
        ("2016年在纽交所上市", "2016年", "上市", "2016-01-01..2016-12-31"),
    ],
)
def test_time_beside_the_verb(text: str, quote: str, event: str, date: str) -> None:
    assert fields(claim(text, quote), "event", "date") == (event, date)


@pytest.mark.parametrize(
    ("text", "quote", "event", "date"),
    [
        # a production milestone (events `milestone`): keyed by its ordinal count, however written
        # (blind set 2, nev-million)
        (
            "11月26日，驰远汽车第100万辆新车在合肥工厂下线",
            "11月26日",
            "下线:第1000000辆",
            "2021-11-26..2021-11-26",
        ),
        (
            "公司又指，11月26日第100萬輛新車在合肥工廠下線",
            "11月26日",
            "下线:第1000000辆",
            "2021-11-26..2021-11-26",
        ),
        ("1月8日，公司第一百万辆整车正式下线", "1月8日", "下线:第1000000辆", "2022-01-08..2022-01-08"),
        ("2月20日，第200万台发动机在工厂顺利下线", "2月20日", "下线:第2000000台", "2022-02-20..2022-02-20"),
    ],
)
def test_a_milestone_is_keyed_by_its_count(text: str, quote: str, event: str, date: str) -> None:
    assert fields(claim(text, quote), "event", "date") == (event, date)


@pytest.mark.parametrize(
    "text",
    [
        # 下线 without an ordinal count: taken offline, not a milestone (bundled corpus, 快手)
        "2019年底,快手以产品升级为理由下线了全部淘宝商品",
        "2月1日，该平台下线了相关商品",
        # 上市 with no product named before it: a company's listing or a launch naming nothing
        "驰远汽车于2020年12月5日上市",
        "3月1日，公司新品将陆续上市",
    ],
)
def test_no_milestone_or_launch_without_its_sense(text: str) -> None:
    events = [c.event for c in kcheck.extract(text, published=PUBLISHED) if c.event]
    assert not any(e.startswith(("下线", "产品上市")) for e in events), events


@pytest.mark.parametrize(
    ("text", "quote", "subject", "date"),
    [
        # a product going on sale: 上市 keyed by the product named before it (blind set 2, nev-launch)
        ("旗下中大型SUV驰远S9将于12月18日正式上市", "12月18日", "中大型SUV驰远S9", "2022-12-18..2022-12-18"),
        (
            "驰远汽车表示，旗下中大型SUV驰远S9将于12月16日上市，预售价35.98万元起",
            "12月16日",
            "中大型SUV驰远S9",
            "2022-12-16..2022-12-16",
        ),
        ("公司新一代折叠屏手机将于3月28日开售", "3月28日", "新一代折叠屏手机", "2022-03-28..2022-03-28"),
    ],
)
def test_a_product_launch_is_keyed_by_the_product(text: str, quote: str, subject: str, date: str) -> None:
    assert fields(claim(text, quote), "event", "measure", "date") == ("产品上市", subject, date)


@pytest.mark.parametrize(
    ("text", "quote", "price", "date"),
    [
        # a price change taking effect from a day, keyed by the price (blind set 3: liq1, liq3, chem4)
        (
            "同日公司公告，自11月1日起上调主要产品出厂价格",
            "自11月1日起",
            "主要产品出厂价格",
            "2022-11-01..2022-11-01",
        ),
        (
            "公司宣布自11月10日起上调主要产品出厂价格",
            "自11月10日起",
            "主要产品出厂价格",
            "2022-11-10..2022-11-10",
        ),
        (
            "12月1日起，恒岳化学12月聚合MDI挂牌价上调500元/吨至15800元/吨",
            "12月1日起",
            "聚合MDI挂牌价",
            "2022-12-01..2022-12-01",
        ),
        ("自3月1日起，该市下调居民用水价格", "自3月1日起", "居民用水价格", "2022-03-01..2022-03-01"),
        # the reserve ratio cut from a day, in either script (blind set 6, mon2 and mon3)
        (
            "昨日，中国人民银行宣布，自12月5日起下调金融机构存款准备金率0.25个百分点",
            "自12月5日起",
            "金融机构存款准备金率",
            "2022-12-05..2022-12-05",
        ),
        (
            "中國人民銀行昨日宣布，自12月15日起下調金融機構存款準備金率25個基點",
            "自12月15日起",
            "金融机构存款准备金率",
            "2022-12-15..2022-12-15",
        ),
    ],
)
def test_a_price_change_from_a_day(text: str, quote: str, price: str, date: str) -> None:
    assert fields(claim(text, quote), "event", "measure", "date") == ("调价", price, date)


@pytest.mark.parametrize(
    "text",
    [
        # no day it takes effect from: a figure's change, not a dated event
        "11月30日，恒岳化学聚合MDI挂牌价较11月上调500元/吨",
        # no price named: another change (a forecast raised, a rate cut)
        "自11月1日起，公司上调全年销量目标",
        "10月20日起，公司下调2000万元",
    ],
)
def test_no_price_change_without_a_day_or_a_price(text: str) -> None:
    events = [c.event for c in kcheck.extract(text, published=PUBLISHED) if c.event]
    assert "调价" not in events, events


@pytest.mark.parametrize(
    ("text", "quote", "event", "subject", "date"),
    [
        # an event an announcement tells as done, with no time of its own, is dated by the
        # announcement's day; what had it is named after the verb of announcing (blind set 3: tel2)
        (
            "11月6日，华联移动宣布其5G-A网络在杭州正式开通商用",
            "11月6日",
            "开通",
            "5G-A网络（杭州）",
            "2021-11-06..2021-11-06",
        ),
        # what opened written as the verb's object, where it opened after 在 (tel3)
        (
            "集團表示，已於11月8日在杭州開通5G-A網絡商用",
            "11月8日",
            "开通",
            "5G-A网络（杭州）",
            "2021-11-08..2021-11-08",
        ),
        (
            "10月20日，公司宣布华中智能分拣中心正式投产",
            "10月20日",
            "投产",
            "华中智能分拣中心",
            "2021-10-20..2021-10-20",
        ),
    ],
)
def test_an_event_an_announcement_tells_as_done(
    text: str, quote: str, event: str, subject: str, date: str
) -> None:
    found = [c for c in kcheck.extract(text, published=PUBLISHED) if c.quote == quote and c.event == event]
    assert [fields(c, "measure", "date") for c in found] == [(subject, date)]


@pytest.mark.parametrize(
    "text",
    [
        # done earlier than announced (已), or still ahead (将): the announcement's day dates only it
        "11月6日，华联移动宣布其5G-A网络已在杭州开通",
        "11月6日，公司宣布华中智能分拣中心将正式投产",
    ],
)
def test_an_announcement_dates_no_event_done_earlier_or_ahead(text: str) -> None:
    events = [c.event for c in kcheck.extract(text, published=PUBLISHED) if c.event]
    assert not any(e in ("开通", "投产") for e in events), events


def test_a_drugs_first_prescriptions_date_its_launch() -> None:
    # blind set 1, phar3: 开出首批处方 starts a drug's sales
    found = claim("据了解，该药已于今年3月1日起在全国主要省份陆续开出首批处方", "今年3月1日起")
    assert fields(found, "event", "date") == ("首批处方", "2022-03-01..2022-03-01")
