/**
 * The words the demo activities are made of: towns of each county (by
 * 行政区划代码), the places activities happen in, title stems by type, and
 * the 全国科普日's partner units as the seed's review names them.
 */

/** The seeded activity types the demo uses, by name. */
export type DemoTypeName = '讲座/报告会' | '展览/展板' | '竞赛' | '培训' | '科普电影放映' | '科技咨询' | '志愿服务' | '参观开放' | '其他';

/**
 * 南阳市科协's own venues. 南阳市科技馆 itself is not among them: a record
 * held there is the museum's own programme (see the museum's 科教活动 in
 * activity.demo.ts), so "at 南阳市科技馆" picks out exactly those.
 */
export const cityVenues: readonly string[] = [
  '南阳市群众艺术馆',
  '南阳市青少年课外活动中心',
  '南阳师范学院',
  '南阳理工学院',
  '南阳市民之家',
  '白河湿地公园科普长廊',
  '南阳市图书馆',
  '南阳市第一中学',
  '南阳市第三小学',
  '南阳市中心医院',
];

/** Schools in the city the drone and robot lessons (at their 科技节) and 光影科学梦 go to. */
export const citySchools: readonly string[] = [
  '南阳市第十五小学',
  '南阳市第二十一小学',
  '南阳市第三小学',
  '南阳市实验学校',
  '南阳市第一中学',
  '南阳市第三中学',
  '卧龙区七里园乡中心小学',
  '宛城区汉冶乡中心小学',
];

/** Where 南阳市科技馆's touring screenings (光影科学梦) are shown: schools and neighbourhoods. */
export const filmTourStops: readonly string[] = [...citySchools, '卧龙区光武街道新时代文明实践站', '宛城区仲景街道社区文化广场'];

/** Towns and townships of each county, keyed by the county's 行政区划代码. */
export const countyTowns: Readonly<Record<string, { county: string; towns: readonly string[] }>> = {
  '411302': { county: '宛城区', towns: ['瓦店镇', '红泥湾镇', '黄台岗镇', '金华镇', '茶庵乡', '汉冶乡', '高庙镇'] },
  '411303': { county: '卧龙区', towns: ['石桥镇', '潦河镇', '安皋镇', '蒲山镇', '陆营镇', '青华镇', '谢庄镇'] },
  '411321': { county: '南召县', towns: ['云阳镇', '皇后乡', '白土岗镇', '皇路店镇', '南河店镇', '留山镇', '崔庄乡'] },
  '411322': { county: '方城县', towns: ['博望镇', '拐河镇', '独树镇', '赵河镇', '广阳镇', '小史店镇', '券桥镇'] },
  '411323': { county: '西峡县', towns: ['丁河镇', '双龙镇', '回车镇', '重阳镇', '太平镇', '二郎坪镇', '米坪镇'] },
  '411324': { county: '镇平县', towns: ['石佛寺镇', '晁陂镇', '贾宋镇', '侯集镇', '老庄镇', '卢医镇', '遮山镇'] },
  '411325': { county: '内乡县', towns: ['赤眉镇', '马山口镇', '夏馆镇', '师岗镇', '灌涨镇', '湍东镇', '余关镇'] },
  '411326': { county: '淅川县', towns: ['九重镇', '香花镇', '厚坡镇', '荆紫关镇', '老城镇', '盛湾镇', '仓房镇'] },
  '411327': { county: '社旗县', towns: ['赊店镇', '桥头镇', '饶良镇', '兴隆镇', '晋庄镇', '李店镇', '朱集镇'] },
  '411328': { county: '唐河县', towns: ['源潭镇', '张店镇', '郭滩镇', '湖阳镇', '黑龙镇', '大河屯镇', '少拜寺镇'] },
  '411329': { county: '新野县', towns: ['王庄镇', '沙堰镇', '新甸铺镇', '施庵镇', '歪子镇', '五星镇', '溧河铺镇'] },
  '411330': { county: '桐柏县', towns: ['淮源镇', '月河镇', '吴城镇', '固县镇', '毛集镇', '埠江镇', '平氏镇'] },
  '411381': { county: '邓州市', towns: ['穰东镇', '孟楼镇', '林扒镇', '构林镇', '十林镇', '张村镇', '汲滩镇'] },
};

/** Where in a town an activity takes place. */
export const townPlaces: readonly string[] = ['文化广场', '中心小学', '初级中学', '卫生院', '党群服务中心', '村文化大院', '敬老院', '农技推广站', '集贸市场', '新时代文明实践站'];

/** Where each type of activity fits, where not every town place does (no contest in a 卫生院). */
export const placesByType: Readonly<Partial<Record<DemoTypeName, readonly string[]>>> = {
  参观开放: ['科普教育基地', '现代农业示范园', '气象观测站', '农业科技园区'],
  竞赛: ['中心小学', '初级中学', '文化广场'],
  科普电影放映: ['文化广场', '中心小学', '村文化大院', '新时代文明实践站'],
  科技咨询: ['农技推广站', '党群服务中心', '集贸市场', '文化广场', '村文化大院', '新时代文明实践站'],
  培训: ['农技推广站', '党群服务中心', '村文化大院', '新时代文明实践站'],
  '展览/展板': ['文化广场', '中心小学', '初级中学', '党群服务中心', '集贸市场'],
};

/** Title stems of ordinary activities, by type; the venue is added to each. */
export const titleStems: Readonly<Record<DemoTypeName, readonly string[]>> = {
  '讲座/报告会': [
    '健康生活方式科普讲座',
    '食品安全知识讲座',
    '防范电信网络诈骗讲座',
    '青少年近视防控讲座',
    '慢性病防治科普讲座',
    '心理健康科普讲座',
    '反邪教科普讲座',
    '气象防灾减灾讲座',
    '节约用水科普讲座',
    '人工智能与生活科普报告',
    '航天知识科普讲座',
    '安全用电科普讲座',
    '科学育儿讲座',
    '防溺水安全讲座',
    '垃圾分类科普讲座',
  ],
  科技咨询: ['农业科技咨询服务', '科技下乡咨询活动', '小麦病虫害防治现场咨询', '果树修剪技术咨询', '健康义诊与科普咨询', '畜禽养殖技术咨询', '艾草种植技术咨询', '香菇栽培技术咨询', '中药材种植技术咨询', '农机安全使用咨询'],
  培训: ['新型职业农民技术培训', '农村实用技术培训', '电商助农技能培训', '应急救护技能培训', '科普志愿者业务培训', '食用菌栽培技术培训', '茶叶种植加工培训', '猕猴桃管护技术培训', '月季栽培技术培训', '科普信息员培训'],
  '展览/展板': ['科普知识展板展览', '健康素养科普展', '防灾减灾科普展板', '崇尚科学反对邪教展板', '节能低碳科普展', '生态环保科普展', '禁毒科普展板'],
  志愿服务: ['科普志愿服务进社区', '科普志愿服务进乡村', '科普志愿者关爱留守儿童', '科普志愿服务进敬老院', '科普大集志愿服务'],
  科普电影放映: ['农村科普电影放映', '校园科普电影展映', '科普动画片放映', '农业科技影片放映'],
  参观开放: ['科普开放日', '青少年研学参观', '科普基地参观体验'],
  竞赛: ['青少年科学小实验比赛', '科普知识竞赛', '青少年科技创新作品评选', '机器人创意搭建比赛', '科普演讲比赛'],
  其他: ['科普大集', '科普e站建设推进会', '科普中国信息员推广活动', '科普文艺演出'],
};

/** P1: the 20 units that held the 2024 全国科普日 with 南阳市科协 (“联合市委宣传部、市教育局等20家单位”). */
export const nationalScienceDayPartners: readonly string[] = [
  '中共南阳市委宣传部',
  '南阳市教育局',
  '南阳市科学技术局',
  '南阳市应急管理局',
  '南阳市卫生健康委员会',
  '南阳市农业农村局',
  '南阳市自然资源和规划局',
  '南阳市生态环境局',
  '南阳市气象局',
  '南阳市地震局',
  '南阳市市场监督管理局',
  '南阳市文化广电和旅游局',
  '南阳市总工会',
  '共青团南阳市委员会',
  '南阳市妇女联合会',
  '南阳市公安局',
  '南阳市消防救援支队',
  '南阳师范学院',
  '南阳理工学院',
  '南阳市第二高级中学',
];
