// Chinese cities by tier, with their province. Tier 1 and "new tier 1" follow Yicai (第一财经·新一线城市
// 研究所) 2023 city business-attractiveness ranking; "tier 2" here is the other provincial capitals and
// large cities of faker's zh_CN city list, an approximation of that ranking's tier 2. Smaller towns
// (tiers 3 and below) get faker's synthetic city names.
export const TIER1: readonly (readonly [string, string])[] = [
  ['北京', '北京市'], ['上海', '上海市'], ['广州', '广东省'], ['深圳', '广东省'],
];

export const NEW_TIER1: readonly (readonly [string, string])[] = [
  ['成都', '四川省'], ['重庆', '重庆市'], ['杭州', '浙江省'], ['武汉', '湖北省'], ['苏州', '江苏省'],
  ['西安', '陕西省'], ['南京', '江苏省'], ['长沙', '湖南省'], ['天津', '天津市'], ['郑州', '河南省'],
  ['东莞', '广东省'], ['青岛', '山东省'], ['昆明', '云南省'], ['宁波', '浙江省'], ['合肥', '安徽省'],
];

export const TIER2: readonly (readonly [string, string])[] = [
  ['福州', '福建省'], ['厦门', '福建省'], ['大连', '辽宁省'], ['沈阳', '辽宁省'], ['济南', '山东省'],
  ['哈尔滨', '黑龙江省'], ['长春', '吉林省'], ['南昌', '江西省'], ['石家庄', '河北省'], ['太原', '山西省'],
  ['贵阳', '贵州省'], ['南宁', '广西壮族自治区'], ['兰州', '甘肃省'], ['海口', '海南省'], ['乌鲁木齐', '新疆维吾尔自治区'],
];
