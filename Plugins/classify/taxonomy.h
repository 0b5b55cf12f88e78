/* The built-in topic table of the classify plugin: for each label, the terms
 * that point to it and how strongly. Terms are UTF-8 and matched as
 * substrings of the headline, titles and body. */
#ifndef CLASSIFY_TAXONOMY_H
#define CLASSIFY_TAXONOMY_H

typedef struct classify_term {
    const char *text;
    double weight;
} classify_term;

typedef struct classify_label {
    const char *name;
    const classify_term *terms;
} classify_label;

#define CLASSIFY_END { 0, 0 }

static const classify_term economy_terms[] = {
    {"营商环境", 2.0}, {"企业", 0.6}, {"金融", 1.0}, {"经济", 1.0}, {"产业", 0.8}, {"投资", 1.0},
    {"融资", 1.2}, {"贷款", 1.2}, {"商会", 1.0}, {"银行", 1.0}, {"税", 0.6}, {"市场", 0.6},
    {"招商", 1.2}, {"园区", 0.6}, CLASSIFY_END};
static const classify_term party_terms[] = {
    {"党组织", 2.0}, {"党建", 2.0}, {"党委", 1.2}, {"书记", 0.8}, {"习近平", 1.5}, {"党员", 1.2},
    {"区委", 1.0}, {"组织部", 1.2}, {"人大", 1.0}, {"政协", 1.0}, {"换届", 1.2}, {"干部", 0.8},
    CLASSIFY_END};
static const classify_term science_terms[] = {
    {"科技", 1.5}, {"创新", 1.0}, {"人工智能", 2.0}, {"数字", 0.8}, {"智慧城市", 1.5}, {"研发", 1.2},
    {"创业", 1.0}, {"孵化", 1.2}, {"科创", 1.5}, {"技术", 0.8}, CLASSIFY_END};
static const classify_term ip_terms[] = {
    {"知识产权", 2.5}, {"专利", 2.0}, {"商标", 1.5}, {"维权", 1.0}, {"侵权", 1.2}, {"公证", 0.8},
    CLASSIFY_END};
static const classify_term safety_terms[] = {
    {"安全", 1.0}, {"消防", 1.5}, {"隐患", 1.5}, {"整治", 1.0}, {"城市管理", 1.5}, {"精细化", 1.2},
    {"地下空间", 1.5}, {"排查", 1.0}, {"防控", 1.0}, {"执法", 1.0}, CLASSIFY_END};
static const classify_term housing_terms[] = {
    {"旧住房", 2.0}, {"改造", 1.0}, {"住房", 1.2}, {"建筑", 0.8}, {"物业", 1.0}, {"小区", 0.8},
    {"城市更新", 1.5}, {"工程", 0.6}, CLASSIFY_END};
static const classify_term community_terms[] = {
    {"社区", 1.2}, {"居民", 1.0}, {"居委", 1.2}, {"街道", 0.6}, {"志愿", 1.2}, {"养老", 1.5},
    {"民生", 1.5}, {"群众", 0.6}, {"服务", 0.3}, CLASSIFY_END};
static const classify_term culture_terms[] = {
    {"文化", 1.2}, {"旅游", 1.5}, {"文旅", 1.5}, {"历史建筑", 1.5}, {"艺术", 1.2}, {"博物馆", 1.5},
    {"演出", 1.2}, {"非遗", 1.5}, {"展览", 1.2}, CLASSIFY_END};
static const classify_term health_terms[] = {
    {"医疗", 1.5}, {"健康", 1.2}, {"医院", 1.5}, {"疫情", 1.5}, {"疫苗", 1.5}, {"卫生", 1.0},
    CLASSIFY_END};

static const classify_label classify_labels[] = {
    {"economy", economy_terms},
    {"party-government", party_terms},
    {"science-technology", science_terms},
    {"intellectual-property", ip_terms},
    {"urban-safety", safety_terms},
    {"housing", housing_terms},
    {"community", community_terms},
    {"culture-tourism", culture_terms},
    {"health", health_terms},
};

#define CLASSIFY_LABEL_COUNT (sizeof(classify_labels) / sizeof(classify_labels[0]))

#endif
