#!/usr/bin/env python3
"""Grows ChainLink's skill taxonomy from the sourced material of ../shared/reference/ (section 5 of its README) and
ChainLink's curation in seed/curated/, and writes the result to seed/taxonomy/.
Run from the repository root: python3 seed/build_taxonomy.py [path-to-shared-reference]
Deterministic: the same inputs give byte-identical outputs; a concept's code depends on its name only."""
import base64, collections, csv, hashlib, os, re, sys



def shared_reference():
    """../shared/reference beside the clone, or beside a folder above it (a worktree under a folder of worktrees)."""
    here = os.path.abspath(os.getcwd())
    while True:
        candidate = os.path.join(os.path.dirname(here), "shared", "reference")
        if os.path.isdir(candidate) or os.path.dirname(here) == here:
            return candidate
        here = os.path.dirname(here)


SRC = sys.argv[1] if len(sys.argv) > 1 else shared_reference()
CURATED = os.path.join("seed", "curated")
DST = os.path.join("seed", "taxonomy")

# Trust of each major → occupation source (README of the reference data, section 5): the guideline is broad.
LINK_TRUST = {"教学标准2025": 3, "简介2022": 3, "指引2023": 1}
CURATED_LINK_TRUST = 2
SOURCE_LABELS = {
    "course": "专业简介2022/教学标准2025 课程", "ability": "专业简介2022 专业能力要求", "certificate": "专业简介2022 职业类证书",
    "job_area": "专业简介2022 岗位（群）", "task": "职业分类大典2022 主要工作任务（派生短语）", "occupation": "职业分类大典2022 职业名称",
    "onet": "O*NET 29.2 (USDOL/ETA, CC BY 4.0)", "esco": "ESCO (© European Union, CC BY 4.0)", "curated": "ChainLink curation",
}

CJK = re.compile(r"[\u3400-\u9fff]")
BRACKETS = re.compile(r"[（(【\[《〈<][^）)】\]》〉>]*[）)】\]》〉>]?")
SPLIT = re.compile(r"[、，,；;：:。/／\s]+|(?<=[\u3400-\u9fff])(?:与|和|及|或|以及|并)(?=[\u3400-\u9fff])")
# Suffixes that make a course name out of its subject ("钳工实训" teaches 钳工), longest first.
COURSE_SUFFIXES = ["综合实训", "专项实训", "技能实训", "生产实训", "岗位实习", "认识实习", "课程设计", "综合实践", "技能训练",
                   "实训", "实习", "实践", "训练", "概论", "导论", "入门", "基础"]
ABILITY_PREFIXES = ["具有", "具备", "能够", "能够对", "掌握", "熟悉", "熟练", "运用", "能对", "能", "会", "对"]
ABILITY_SUFFIXES = ["的基本能力", "的初步能力", "的能力", "等能力", "能力", "的技能", "技能", "等工作", "工作", "等"]
# A subject named with its field word ("机电一体化技术", "焊接工艺") is also written without it.
SUBJECT_SUFFIXES = ["应用技术", "技术应用", "技术", "工艺", "应用", "操作", "方法"]
# Ability, job-area and task phrases spread over this many 专业大类 (or 职业中类) are generic ("日常维护", "设备操作").
MAX_SPREAD = 3
# Words that are no skill on their own, whatever source names them (general education, soft qualities, bare verbs).
GENERIC = set("""思想道德与法治 毛泽东思想和中国特色社会主义理论体系概论 形势与政策 体育 大学英语 英语 高等数学 数学 语文 军事理论 军事技能
心理健康教育 职业生涯规划 就业指导 创新创业教育 劳动教育 信息技术 大学语文 应用文写作 美育 党史 国家安全教育 入学教育 毕业设计 毕业实习
顶岗实习 岗位实习 认识实习 跟岗实习 实训基地 专业英语 专业导论 职业素养 职业道德 沟通 沟通能力 团队合作 管理 分析 设计 开发 研究 应用 技术
安全 质量 服务 生产 运行 维护 操作 检测 检查 管理能力 组织 协调 指导 实施 编制 制定 处理 记录 整理 参与 负责 其他 相关 工作 能力 知识
基本 常见 主要 一般 简单 初步 有关 各类 各种 常用 日常 现场 规范 标准 方法 原理 工艺 项目 系统 设备 产品 材料 数据 信息 资料 方案
计划 报告 文件 业务 营销 销售 咨询 培训 教学 教育 策划 推广 调查 统计 监测 评价 评估 鉴定 研发 制作 加工 安装 调试 维修 保养 测试
识别 防治 控制 监控 计算 绘制 编写 撰写 翻译 写作 表达 审核 核算 采购 运营 运维 施工 验收 交付 接待 护理 康复 预防 诊断 治疗""".split())


# Parts of a phrase that says nothing specific ("设备使用", "维护管理", "新工艺"): a sourced phrase made only of these
# and the GENERIC words is no concept.
FILLER = set("新 原 辅助 场地 零部件 原材料 半成品 材料 设备 产品 质量 使用 规范 参数 管理 维护 方案 运营 工作 技术 工艺 生产 安全 "
             "操作 检修 调试 安装 与 及 和 或 并 的 相关 日常 现场 基本 常规 一般 专业 岗位 客户 问题 要求 情况 流程 制度 环境 "
             "过程 资料 文件 信息 数据 记录 系统 设施 器材 工具 仪器 用品 物品 人员 企业 单位 部门 业务 活动 事务 事项 任务".split())


def is_filler(s):
    """Whether s splits entirely into FILLER and GENERIC words (dynamic programming over prefixes)."""
    words = FILLER | GENERIC
    ok = [True] + [False] * len(s)
    for i in range(1, len(s) + 1):
        ok[i] = any(ok[j] and s[j:i] in words for j in range(max(0, i - 8), i))
    return ok[-1]


def rows(name):
    with open(os.path.join(SRC, name), encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def curated_rows(name):
    with open(os.path.join(CURATED, name), encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def fold(s):
    """The comparison key of a name: full-width to ASCII, lower case, no spaces (as the extractor folds text)."""
    out = []
    for ch in s:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            ch = chr(o - 0xFEE0)
        out.append(ch.lower())
    return re.sub(r"\s+", " ", "".join(out)).strip()


def clean(s):
    """Removes OCR noise: spaces and stray digits between Chinese characters, brackets and their content."""
    s = re.sub(r"(?<=[\u3400-\u9fff])[\s\d]+(?=[\u3400-\u9fff])", "", s.strip())
    s = BRACKETS.sub("", s)
    s = s.strip(" \t-—·.。、，,；;：:\"'“”‘’")
    return s[:-1] if s.endswith("等") and len(s) >= 3 else s


def is_term(s, max_len=12):
    """A name worth putting in the dictionary: Chinese of 2..max_len characters with no sentence punctuation, not generic."""
    if not s or s in GENERIC or not CJK.search(s):
        return False
    cjk = len(CJK.findall(s))
    return 2 <= cjk and len(s) <= max_len and not re.search(r"[，。；：！？、\d]{1}", s) and not s.startswith(("的", "和", "及", "与", "等", "并"))


def strip_affixes(s, prefixes, suffixes):
    changed = True
    while changed:
        changed = False
        for p in prefixes:
            if s.startswith(p) and len(s) - len(p) >= 2:
                s, changed = s[len(p):], True
        for x in suffixes:
            if s.endswith(x) and len(s) - len(x) >= 2:
                s, changed = s[: -len(x)], True
    return s


def concept_code(key):
    """A stable code from the concept's folded name: 'SKX' and 7 base-32 characters of its SHA-1."""
    digest = hashlib.sha1(key.encode("utf-8")).digest()
    return "SKX" + base64.b32encode(digest).decode("ascii")[:7]


class Concept:
    def __init__(self, code, name_zh, name_en, kind, parent=None):
        self.code, self.name_zh, self.name_en, self.kind, self.parent = code, name_zh, name_en, kind, parent
        self.aliases, self.sources = [], set()
        self.divisions = collections.Counter()


concepts = {}          # code → Concept
by_key = {}            # folded name or alias → code (first claim wins: curated, then sourced in a fixed order)


def claim(term, code):
    key = fold(term)
    if len(key) < 2 or key in by_key:
        return by_key.get(key) == code
    by_key[key] = code
    c = concepts[code]
    if term != c.name_zh and term != c.name_en and term not in c.aliases:
        c.aliases.append(term)
    return True


# Sources whose two-character names are kept: a two-character course or task word ("机械", "模具", "活动") is a field
# or a thing, not a skill an ad asks for, and matches everywhere.
SHORT_NAME_SOURCES = {"certificate", "occupation", "curated", "onet", "esco"}


def concept_for(name, kind, source, aliases=(), name_en=""):
    """The concept named <name> (or owning it as an alias), created when new; returns its code, or None for a
    two-character name from a source whose short words are too general."""
    key = fold(name)
    code = by_key.get(key)
    if code is None and CJK.search(key) and source not in SHORT_NAME_SOURCES and (len(key) < 3 or is_filler(key)):
        return None
    if code is None and source != "curated":
        # "设施农业技术" is the curated 设施农业 with its field word: an alias there, not a concept beside it.
        subject = fold(strip_affixes(name, [], SUBJECT_SUFFIXES))
        if subject != key and by_key.get(subject) in curated_codes:
            code = by_key[subject]
            claim(name, code)
    if code is None:
        code = concept_code(key)
        while code in concepts:
            code = concept_code(code + key)
        concepts[code] = Concept(code, name[:60], (name_en or "")[:100], kind)
        by_key[key] = code
        if name_en:
            claim(name_en, code)
    c = concepts[code]
    c.sources.add(source)
    for a in aliases:
        if len(a) <= 100:
            claim(a, code)
    return code


# --- 1. ChainLink's curated skills keep their codes, names and aliases -----------------------------------------------
def curated_kind(name):
    if re.search(r"证|资格|执照|执业", name):
        return "certificate"
    return "skill"


for r in curated_rows("skills.csv"):
    c = Concept(r["code"], r["name_zh"], r["name_en"], curated_kind(r["name_zh"]), r["parent_code"] or None)
    c.sources.add("curated")
    concepts[c.code] = c
    by_key.setdefault(fold(c.name_zh), c.code)
    by_key.setdefault(fold(c.name_en), c.code)
    for a in r["aliases"].split("|"):
        if a.strip():
            c.aliases.append(a.strip())
            by_key.setdefault(fold(a.strip()), c.code)
curated_codes = set(concepts)
curated_groups = {c.parent for c in concepts.values() if c.parent}

# Colloquial, brand and shop-floor forms: ChainLink curation of general trade knowledge.
colloquial = curated_rows("colloquial_aliases.csv")

# --- 2. Group concepts: one per 专业大类 and per kind of vocabulary, so every new concept has a parent --------------
majors = {r["code"]: r for r in rows("majors.csv")}
divisions = {r["code"]: r["name"] for r in rows("major_categories.csv") if r["kind"] == "专业大类"}
GROUPS = {}
for code, name in sorted(divisions.items()):
    g = "SKG" + code
    concepts[g] = Concept(g, f"{name}·专业知识与技能", f"Division {code} knowledge and skills", "skill")
    concepts[g].sources.add("course")
    GROUPS[code] = g
for g, name, en, kind, src in [("SKGCERT", "职业类证书", "Occupational certificates", "certificate", "certificate"),
                               ("SKGTASK", "职业工作任务技能", "Occupational task skills", "skill", "task"),
                               ("SKGTECH", "软件与信息技术工具", "Software and information technology", "tool", "onet"),
                               ("SKGTOOL", "工具、仪器与设备", "Tools, instruments and equipment", "tool", "onet"),
                               ("SKGESCO", "ESCO 技能与知识", "ESCO skills and knowledge", "knowledge", "esco")]:
    concepts[g] = Concept(g, name, en, kind)
    concepts[g].sources.add(src)

# --- 3. Sourced concepts ---------------------------------------------------------------------------------------------
course_rows = rows("major_courses.csv")
major_links = collections.defaultdict(dict)   # major → code → level


def link_major(major, code, level):
    if major in majors and code is not None:
        major_links[major][code] = max(level, major_links[major].get(code, 0))
        concepts[code].divisions[majors[major]["division_code"]] += 1


def course_kind(name):
    if re.search(r"(证书|资格)$", name):
        return "certificate"
    if re.search(r"(学|基础|原理|概论|导论|法规|法|知识|理论|常识|概要|史|文化)$", name):
        return "knowledge"
    if re.search(r"(软件|仪器|仪表|工具|机床|设备)$", name):
        return "tool"
    return "skill"


for r in sorted(course_rows, key=lambda r: (r["major_code"], r["course_type"], r["course_name"])):
    if r["course_type"] == "实习实训(原文)":
        # Free text naming the practical training: its short items ("焊接实训", "钳工实训") are courses too.
        names = [clean(p) for p in SPLIT.split(r["course_name"])]
        names = [n for n in names if n.endswith(("实训", "实习")) and is_term(n, 10)]
    else:
        full = clean(r["course_name"])
        names = [full] if is_term(full, 16) else []
    for full in names:
        core = strip_affixes(full, [], COURSE_SUFFIXES)
        if not is_term(core):
            continue
        aliases = [full] if full != core else []
        subject = strip_affixes(core, [], SUBJECT_SUFFIXES)
        if subject != core and is_term(subject) and len(subject) >= 3:
            aliases.append(subject)
        code = concept_for(core, course_kind(core), "course", aliases)
        if code is None:
            continue
        level = 3 if r["course_type"] == "专业核心课程" else 2
        link_major(r["major_code"], code, level)
        # "机械制图与CAD" teaches both parts; a part of three characters or more is a subject of its own.
        parts = [strip_affixes(p, [], COURSE_SUFFIXES) for p in SPLIT.split(core)]
        if len(parts) > 1:
            for p in parts:
                if is_term(p) and len(p) >= 3:
                    link_major(r["major_code"], concept_for(p, course_kind(p), "course"), level)

for r in sorted(rows("major_certificates.csv"), key=lambda r: (r["major_code"], r["certificate_name"])):
    name = clean(r["certificate_name"])
    name = re.sub(r"(职业技能等级证书|职业资格证书|等级证书|证书)$", "", name)
    if not is_term(name, 20):
        continue
    code = concept_for(name + "证书" if not re.search(r"证|资格|执业", name) else name, "certificate", "certificate",
                       [name + "证", name + "职业技能等级证书"] if not re.search(r"证|资格|执业", name) else [])
    concepts[code].kind = "certificate" if code not in curated_codes else concepts[code].kind
    if concepts[code].parent is None and code not in curated_codes:
        concepts[code].parent = "SKGCERT"
    link_major(r["major_code"], code, 1)

def spread(major_codes):
    return len({majors[m]["division_code"] for m in major_codes if m in majors})


job_areas = collections.defaultdict(set)
for r in sorted(rows("major_job_areas.csv"), key=lambda r: (r["major_code"], r["job_area"])):
    name = clean(r["job_area"])
    if is_term(name, 10) and len(name) >= 3:
        job_areas[name].add(r["major_code"])
for name in sorted(job_areas):
    if spread(job_areas[name]) <= MAX_SPREAD:
        code = concept_for(name, "skill", "job_area")
        for m in sorted(job_areas[name]):
            link_major(m, code, 2)

# Ability statements: each names objects and what to do with them; the recurring short phrases become concepts.
ability_phrases = collections.defaultdict(set)
abilities = rows("major_abilities.csv")
for r in abilities:
    text = strip_affixes(clean(r["ability_text"]), ABILITY_PREFIXES, ABILITY_SUFFIXES)
    for part in SPLIT.split(text):
        p = strip_affixes(part, ABILITY_PREFIXES + ["进行", "使用", "开展", "从事", "完成"], ABILITY_SUFFIXES)
        if is_term(p, 8) and len(p) >= 3:
            ability_phrases[p].add(r["major_code"])
for phrase in sorted(ability_phrases):
    if (len(ability_phrases[phrase]) >= 2 or fold(phrase) in by_key) and spread(ability_phrases[phrase]) <= MAX_SPREAD:
        code = concept_for(phrase, "skill", "ability")
        for m in sorted(ability_phrases[phrase]):
            link_major(m, code, 2)

# Occupation names of trades ("钳工", "焊工", "车工"): the 大典 names the skill with the worker.
occupations = {r["code"]: r for r in rows("occupations.csv")}
occupation_skill = collections.defaultdict(dict)  # occupation → code → essential
for code, o in sorted(occupations.items()):
    if o["level"] == "细类" and re.fullmatch(r"[\u3400-\u9fff]{1,4}工", o["name"]) and o["name"] not in GENERIC:
        c = concept_for(o["name"], "skill", "occupation")
        occupation_skill[code][c] = True

# 大典 tasks: short verb–object labels derived from the task sentences; the sentences themselves are not shipped.
tasks = rows("occupation_tasks.csv")
task_phrases = collections.defaultdict(set)
for r in tasks:
    for part in SPLIT.split(clean(r["task_text"])):
        p = strip_affixes(part, ["负责", "进行", "使用", "操作使用", "从事", "参与", "组织", "开展", "按照", "根据"], ["等工作", "工作", "等", "的"])
        if is_term(p, 6) and len(p) >= 3:
            task_phrases[p].add(r["occupation_code"])
for phrase in sorted(task_phrases):
    groups = {o[:4] for o in task_phrases[phrase]}
    if (len(task_phrases[phrase]) >= 3 or fold(phrase) in by_key) and len(groups) <= MAX_SPREAD:
        c = concept_for(phrase, "skill", "task")
        if c is None:
            continue
        if concepts[c].parent is None and c not in curated_codes:
            concepts[c].parent = "SKGTASK"

# O*NET technology names (hot, or used in two occupations or more): product and language names appear verbatim in Chinese ads.
VENDORS = ["Microsoft ", "Autodesk ", "Adobe Systems ", "Adobe ", "Dassault Systemes ", "Siemens ", "Oracle ", "IBM ", "SAP ",
           "Apache ", "Google ", "Apple ", "Intuit ", "Corel ", "PTC ", "Bentley ", "ESRI ", "Esri ", "Mathworks ", "The MathWorks "]
tech_groups = {}
for r in sorted(rows("technology_terms.csv"), key=lambda r: (-int(r["n_occupations"] or 0), r["term"])):
    term = r["term"].strip()
    if not term or len(term) > 60 or CJK.search(term) or (r["hot_technology"] != "Y" and int(r["n_occupations"] or 0) < 2):
        continue
    title = r["commodity_title"].strip()
    if title not in tech_groups:
        g = concept_for(title, "tool", "onet", name_en=title)
        if g not in curated_codes:
            concepts[g].parent = "SKGTECH"
        tech_groups[title] = g
    aliases = []
    short = term
    for v in VENDORS:
        if short.startswith(v) and len(short) > len(v) + 1:
            short = short[len(v):]
    short = re.sub(r"\s+software$", "", short)
    if short != term and len(short) >= 2 and not short.lower() in {"excel", "word"} | set():
        aliases.append(short)
    elif short != term:
        aliases.append(short)
    c = concept_for(term, "tool", "onet", aliases, name_en=term)
    if concepts[c].parent is None and c not in curated_codes:
        concepts[c].parent = tech_groups[title]

# O*NET tools used in four occupations or more: English names of instruments and machines.
MIN_TOOL_OCCUPATIONS = 4
tool_groups = {}
for r in sorted(rows("tool_terms.csv"), key=lambda r: (-int(r["n_occupations"] or 0), r["term"])):
    term = r["term"].strip()
    if int(r["n_occupations"] or 0) < MIN_TOOL_OCCUPATIONS or not term or len(term) > 60:
        continue
    title = r["commodity_title"].strip()
    if title not in tool_groups:
        g = concept_for(title, "tool", "onet", name_en=title)
        if g not in curated_codes and concepts[g].parent is None:
            concepts[g].parent = "SKGTOOL"
        tool_groups[title] = g
    c = concept_for(term, "tool", "onet", name_en=term)
    if concepts[c].parent is None and c not in curated_codes:
        concepts[c].parent = tool_groups[title]

# ESCO: an English label that is a curated skill's English name or alias becomes an alias there; knowledge areas of
# one to three words become concepts of their own.
for r in sorted(rows("esco_skill_labels.csv"), key=lambda r: r["skill_label"]):
    label = r["skill_label"].strip()
    owner = by_key.get(fold(label))
    if owner is not None:
        concepts[owner].sources.add("esco")
    elif r["type"] == "knowledge" and len(label.split()) <= 3 and len(label) <= 60:
        c = concept_for(label, "knowledge", "esco", name_en=label)
        concepts[c].parent = concepts[c].parent or "SKGESCO"

# Curated colloquial and brand forms (ChainLink curation of general trade knowledge): a form curation assigns wins over
# a sourced concept that happened to claim it first.
for r in colloquial:
    code = next((by_key[fold(n)] for n in (r["name_zh"], r["name_en"]) if n and fold(n) in by_key), None)
    if code is None:
        code = concept_for(r["name_zh"].strip(), r["kind"].strip(), "curated", name_en=r["name_en"].strip())
    c = concepts[code]
    if not CJK.search(c.name_zh) and CJK.search(r["name_zh"]):
        # An O*NET or ESCO concept curation names in Chinese ("Vernier calipers" is 游标卡尺): the Chinese name leads.
        c.name_en = c.name_en or c.name_zh
        c.name_zh = r["name_zh"].strip()
        by_key.setdefault(fold(c.name_zh), code)
        c.aliases = [a for a in c.aliases if a != c.name_zh]
    c.sources.add("curated")
    for alias in (a.strip() for a in r["aliases"].split("|")):
        key = fold(alias)
        previous = by_key.get(key)
        if previous is not None and previous != code and previous not in curated_codes:
            concepts[previous].aliases = [a for a in concepts[previous].aliases if fold(a) != key]
            del by_key[key]
        if by_key.get(key) is None:
            claim(alias, code)

# --- 4. Links -----------------------------------------------------------------------------------------------------------
# Terms of every concept, to find concepts named inside task and ability sentences (longest match, left to right).
terms = {k: v for k, v in by_key.items() if len(k) >= 2 and CJK.search(k) and k not in GENERIC}
max_term = max(len(k) for k in terms)


def find(text):
    text = fold(clean(text))
    found, i = [], 0
    while i < len(text):
        for n in range(min(max_term, len(text) - i), 1, -1):
            code = terms.get(text[i:i + n])
            if code:
                found.append(code)
                i += n
                break
        else:
            i += 1
    return found


for r in abilities:
    for code in find(r["ability_text"]):
        link_major(r["major_code"], code, 2)
definitions = rows("occupation_definitions.csv")
for r in tasks:
    if r["occupation_code"] in occupations:
        for code in find(r["task_text"]):
            occupation_skill[r["occupation_code"]].setdefault(code, True)
for r in definitions:
    if r["occupation_code"] in occupations:
        for code in find(r["definition"]):
            occupation_skill[r["occupation_code"]].setdefault(code, False)
        for code in find(r["occupation_name"]):
            occupation_skill[r["occupation_code"]][code] = True
# Every 细类 with tasks gets skills: where no known concept appears in its tasks, its own task phrases (up to three,
# short derived labels, not the sentences) become concepts even when no other occupation shares them.
for r in tasks:
    code = r["occupation_code"]
    if code not in occupations or occupations[code]["level"] != "细类" or len(occupation_skill[code]) >= 3:
        continue
    if any(s for s in occupation_skill[code] if concepts[s].sources & {"task"} and task_phrases.get(concepts[s].name_zh)):
        continue
    if occupation_skill[code]:
        continue
    for part in SPLIT.split(clean(r["task_text"])):
        p = strip_affixes(part, ["负责", "进行", "使用", "操作使用", "从事", "参与", "组织", "开展", "按照", "根据"], ["等工作", "工作", "等", "的"])
        if is_term(p, 10) and len(p) >= 3 and len(occupation_skill[code]) < 3:
            c = concept_for(p, "skill", "task")
            if c is not None:
                concepts[c].parent = concepts[c].parent or "SKGTASK"
                occupation_skill[code][c] = True
for r in curated_rows("occupation_skills.csv"):
    occupation_skill[r["occupation_code"]][r["skill_code"]] = r["importance"] == "essential"
for r in curated_rows("major_skills.csv"):
    link_major(r["major_code"], r["skill_code"], int(r["level"]))

major_occupation = collections.defaultdict(lambda: collections.defaultdict(set))
for r in rows("major_occupations.csv"):
    if r["major_code"] in majors and r["occupation_code"] in occupations:
        major_occupation[r["major_code"]][r["occupation_code"]].add(r["source"])
for r in curated_rows("major_occupations.csv"):
    major_occupation[r["major_code"]][r["occupation_code"]].add("curated")

# --- 5. Parents: the curated skill whose name is the longest part of the concept's name, else the 大类 group ----------
curated_terms = sorted(((fold(t), c.code) for c in concepts.values() if c.code in curated_codes and c.code not in curated_groups
                        for t in [c.name_zh, *c.aliases] if len(fold(t)) >= 2 and CJK.search(t)), key=lambda x: -len(x[0]))
for c in concepts.values():
    if c.code in curated_codes or c.code.startswith("SKG") or c.parent:
        continue
    key = fold(c.name_zh)
    c.parent = next((code for t, code in curated_terms if t in key and t != key), None)
    if c.parent is None:
        c.parent = GROUPS.get(c.divisions.most_common(1)[0][0]) if c.divisions else "SKGTASK"
    if c.kind == "certificate" and c.parent in GROUPS.values():
        c.parent = "SKGCERT"

# --- 6. Write -----------------------------------------------------------------------------------------------------------
os.makedirs(DST, exist_ok=True)


def write(name, header, data):
    with open(os.path.join(DST, name), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(data)
    print(f"{name}: {len(data)} rows")


ordered = sorted(concepts.values(), key=lambda c: c.code)
write("skills.csv", ["code", "name_zh", "name_en", "type", "parent_code", "sources", "aliases"],
      [[c.code, c.name_zh, c.name_en or c.name_zh, c.kind, c.parent or "", "|".join(sorted(c.sources)),
        "|".join(a for a in c.aliases if len(a) <= 100 and "|" not in a)] for c in ordered])
write("major_skills.csv", ["major_code", "skill_code", "level"],
      [[m, s, l] for m in sorted(major_links) for s, l in sorted(major_links[m].items())])
write("occupation_skills.csv", ["occupation_code", "skill_code", "importance"],
      [[o, s, "essential" if e else "optional"] for o in sorted(occupation_skill) for s, e in sorted(occupation_skill[o].items())])
write("major_occupations.csv", ["major_code", "occupation_code", "weight", "sources"],
      [[m, o, sum(LINK_TRUST.get(s, CURATED_LINK_TRUST) for s in src), "|".join(sorted(src))]
       for m in sorted(major_occupation) for o, src in sorted(major_occupation[m].items())])

names = sum(1 + (1 if c.name_en and c.name_en != c.name_zh else 0) + len(c.aliases) for c in ordered)
by_kind = collections.Counter(c.kind for c in ordered)
by_source = collections.Counter(s for c in ordered for s in c.sources)
print(f"concepts: {len(ordered)}, names and aliases: {names}")
print("by type: " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())))
print("by source: " + ", ".join(f"{SOURCE_LABELS[k]} {v}" for k, v in sorted(by_source.items())))
print(f"majors with skills: {len(major_links)}, occupations with skills: {len(occupation_skill)}, "
      f"majors with occupations: {len(major_occupation)}")
