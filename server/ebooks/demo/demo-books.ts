/**
 * The demo collection: public-domain classics, each with a short original introduction and a
 * short excerpt of the public-domain text.
 */
import type { EbookAccess } from '../../../shared/ebooks/schemas';

export const DEMO_CATEGORIES = [
  { key: 'literature', nameZh: '文学', nameEn: 'Literature', sort: 1 },
  { key: 'history', nameZh: '历史', nameEn: 'History', sort: 2 },
  { key: 'science', nameZh: '科普', nameEn: 'Science', sort: 3 },
  { key: 'children', nameZh: '少儿', nameEn: 'Children', sort: 4 },
  { key: 'poetry', nameZh: '诗词', nameEn: 'Poetry', sort: 5 },
] as const;
export type DemoCategoryKey = (typeof DEMO_CATEGORIES)[number]['key'];

export interface DemoChapter {
  title: string;
  paragraphs: string[];
}

export interface DemoBook {
  slug: string;
  title: string;
  /** Printed on the cover when no CJK font is installed. */
  latinTitle: string;
  authors: string[];
  language: 'zh' | 'en';
  publisher: string;
  published: string;
  description: string;
  subjects: string[];
  categories: DemoCategoryKey[];
  access: EbookAccess;
  /** Cover background, a CSS colour. */
  color: string;
  chapters: DemoChapter[];
}

const zhIntro = (text: string): DemoChapter => ({ title: '导读', paragraphs: [text] });
const enIntro = (text: string): DemoChapter => ({ title: 'Introduction', paragraphs: [text] });
const PUBLISHER_ZH = '示范图书馆';
const PUBLISHER_EN = 'Demo Library';

export const DEMO_BOOKS: DemoBook[] = [
  {
    slug: 'hongloumeng', title: '红楼梦', latinTitle: 'Hong Lou Meng', authors: ['曹雪芹'], language: 'zh',
    publisher: PUBLISHER_ZH, published: '1791', description: '清代长篇小说，以贾府兴衰为背景的家族故事。',
    subjects: ['古典小说', '清代'], categories: ['literature'], access: 'open', color: '#8b1e2d',
    chapters: [
      zhIntro('本书是示范馆藏中的节选本，只收开卷的几句，供在自助机上试用下载。'),
      { title: '第一回（节选）', paragraphs: ['此开卷第一回也。作者自云：因曾历过一番梦幻之后，故将真事隐去，而借“通灵”之说，撰此《石头记》一书也。'] },
    ],
  },
  {
    slug: 'xiyouji', title: '西游记', latinTitle: 'Xi You Ji', authors: ['吴承恩'], language: 'zh',
    publisher: PUBLISHER_ZH, published: '1592', description: '明代神魔小说，讲述唐僧师徒西天取经的故事。',
    subjects: ['古典小说', '神话'], categories: ['literature', 'children'], access: 'open', color: '#c26a12',
    chapters: [
      zhIntro('孙悟空、猪八戒、沙和尚护送唐僧取经，一路降妖除魔。这里只收开篇的诗句。'),
      { title: '第一回（节选）', paragraphs: ['诗曰：混沌未分天地乱，茫茫渺渺无人见。自从盘古破鸿蒙，开辟从兹清浊辨。'] },
    ],
  },
  {
    slug: 'shuihuzhuan', title: '水浒传', latinTitle: 'Shui Hu Zhuan', authors: ['施耐庵'], language: 'zh',
    publisher: PUBLISHER_ZH, published: '1589', description: '明代章回小说，讲述梁山好汉的故事。',
    subjects: ['古典小说', '英雄传奇'], categories: ['literature'], access: 'open', color: '#2f5d50',
    chapters: [
      zhIntro('一百单八将聚义梁山泊。示范节选只收开篇引首的诗句。'),
      { title: '引首（节选）', paragraphs: ['试看书林隐处，几多俊逸儒流。虚名薄利不关愁，裁冰及剪雪，谈笑看吴钩。'] },
    ],
  },
  {
    slug: 'sanguoyanyi', title: '三国演义', latinTitle: 'San Guo Yan Yi', authors: ['罗贯中'], language: 'zh',
    publisher: PUBLISHER_ZH, published: '1522', description: '明代历史演义小说，讲述东汉末年至三国归晋的历史故事。',
    subjects: ['古典小说', '三国'], categories: ['literature', 'history'], access: 'card', color: '#3b3f8f',
    chapters: [
      zhIntro('魏、蜀、吴三国纷争的故事家喻户晓。此为读者证专享的示范节选。'),
      { title: '第一回（节选）', paragraphs: ['话说天下大势，分久必合，合久必分。周末七国分争，并入于秦。及秦灭之后，楚、汉分争，又并入于汉。'] },
    ],
  },
  {
    slug: 'lunyu', title: '论语', latinTitle: 'Lun Yu', authors: ['孔子弟子及再传弟子'], language: 'zh',
    publisher: PUBLISHER_ZH, published: '前五世纪', description: '记录孔子及其弟子言行的儒家经典。',
    subjects: ['儒家', '经典'], categories: ['history'], access: 'open', color: '#6b4f2a',
    chapters: [
      zhIntro('《论语》二十篇，这里只收《学而》第一章。'),
      { title: '学而第一（节选）', paragraphs: ['子曰：“学而时习之，不亦说乎？有朋自远方来，不亦乐乎？人不知而不愠，不亦君子乎？”'] },
    ],
  },
  {
    slug: 'tangshi', title: '唐诗三百首', latinTitle: 'Tang Shi San Bai Shou', authors: ['蘅塘退士'], language: 'zh',
    publisher: PUBLISHER_ZH, published: '1763', description: '清代蘅塘退士编选的唐诗选本。',
    subjects: ['唐诗', '诗歌'], categories: ['poetry', 'children'], access: 'open', color: '#1f6f8b',
    chapters: [
      zhIntro('示范节选收两首家喻户晓的五言绝句。'),
      { title: '静夜思　李白', paragraphs: ['床前明月光，疑是地上霜。举头望明月，低头思故乡。'] },
      { title: '春晓　孟浩然', paragraphs: ['春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。'] },
    ],
  },
  {
    slug: 'shiji', title: '史记', latinTitle: 'Shi Ji', authors: ['司马迁'], language: 'zh',
    publisher: PUBLISHER_ZH, published: '前九一年', description: '西汉司马迁所著纪传体通史。',
    subjects: ['史书', '纪传体'], categories: ['history'], access: 'open', color: '#5a2e1e',
    chapters: [
      zhIntro('“史家之绝唱，无韵之离骚。”示范节选只收《项羽本纪》开头一句。'),
      { title: '项羽本纪（节选）', paragraphs: ['项籍者，下相人也，字羽。初起时，年二十四。'] },
    ],
  },
  {
    slug: 'sanzijing', title: '三字经', latinTitle: 'San Zi Jing', authors: ['王应麟'], language: 'zh',
    publisher: PUBLISHER_ZH, published: '宋代', description: '传统启蒙读物，三字一句，朗朗上口。',
    subjects: ['启蒙', '蒙学'], categories: ['children'], access: 'open', color: '#b8860b',
    chapters: [
      zhIntro('三字一句，适合孩子朗读。'),
      { title: '开篇（节选）', paragraphs: ['人之初，性本善。性相近，习相远。苟不教，性乃迁。教之道，贵以专。'] },
    ],
  },
  {
    slug: 'pride-and-prejudice', title: 'Pride and Prejudice', latinTitle: 'Pride and Prejudice', authors: ['Jane Austen'],
    language: 'en', publisher: PUBLISHER_EN, published: '1813', description: 'The Bennet sisters, Mr Darcy, and first impressions.',
    subjects: ['Novel', 'Romance'], categories: ['literature'], access: 'open', color: '#7a3b69',
    chapters: [
      enIntro('A demo excerpt: the famous first sentence of the novel.'),
      { title: 'Chapter 1 (excerpt)', paragraphs: ['It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.'] },
    ],
  },
  {
    slug: 'alice', title: "Alice's Adventures in Wonderland", latinTitle: "Alice's Adventures in Wonderland", authors: ['Lewis Carroll'],
    language: 'en', publisher: PUBLISHER_EN, published: '1865', description: 'Alice follows a White Rabbit down the rabbit-hole.',
    subjects: ['Fantasy', "Children's stories"], categories: ['children', 'literature'], access: 'open', color: '#2d7d46',
    chapters: [
      enIntro('A demo excerpt: how the adventure begins.'),
      { title: 'Down the Rabbit-Hole (excerpt)', paragraphs: ['Alice was beginning to get very tired of sitting by her sister on the bank, and of having nothing to do.'] },
    ],
  },
  {
    slug: 'sherlock-holmes', title: 'The Adventures of Sherlock Holmes', latinTitle: 'The Adventures of Sherlock Holmes', authors: ['Arthur Conan Doyle'],
    language: 'en', publisher: PUBLISHER_EN, published: '1892', description: 'Twelve cases of the consulting detective of Baker Street.',
    subjects: ['Detective fiction', 'Short stories'], categories: ['literature'], access: 'card', color: '#243b55',
    chapters: [
      enIntro('A demo excerpt for card holders: the opening of "A Scandal in Bohemia".'),
      { title: 'A Scandal in Bohemia (excerpt)', paragraphs: ['To Sherlock Holmes she is always the woman. I have seldom heard him mention her under any other name.'] },
    ],
  },
  {
    slug: 'origin-of-species', title: 'On the Origin of Species', latinTitle: 'On the Origin of Species', authors: ['Charles Darwin'],
    language: 'en', publisher: PUBLISHER_EN, published: '1859', description: 'The book that introduced the theory of evolution by natural selection.',
    subjects: ['Evolution', 'Natural history'], categories: ['science'], access: 'open', color: '#4f6d2f',
    chapters: [
      enIntro('A demo excerpt: the first words of the introduction.'),
      { title: 'Introduction (excerpt)', paragraphs: ['When on board H.M.S. Beagle, as naturalist, I was much struck with certain facts in the distribution of the inhabitants of South America.'] },
    ],
  },
  {
    slug: 'aesop', title: "Aesop's Fables", latinTitle: "Aesop's Fables", authors: ['Aesop'],
    language: 'en', publisher: PUBLISHER_EN, published: '1867', description: 'Short fables with a moral at the end of each.',
    subjects: ['Fables'], categories: ['children'], access: 'open', color: '#a0522d',
    chapters: [
      enIntro('A demo excerpt: a fable retold in a few lines.'),
      { title: 'The Fox and the Grapes', paragraphs: ['A hungry Fox saw some fine bunches of Grapes hanging from a vine. He tried and tried to reach them, but in vain. At last he turned away, saying: "The Grapes are sour, and not ripe as I thought." It is easy to despise what you cannot get.'] },
    ],
  },
  {
    slug: 'roman-empire', title: 'The History of the Decline and Fall of the Roman Empire', latinTitle: 'Decline and Fall of the Roman Empire',
    authors: ['Edward Gibbon'], language: 'en', publisher: PUBLISHER_EN, published: '1776',
    description: 'The classic history of Rome from the second century to the fall of Constantinople.',
    subjects: ['Rome', 'Ancient history'], categories: ['history'], access: 'open', color: '#6e2c2c',
    chapters: [
      enIntro('A demo excerpt: the opening of the first chapter.'),
      { title: 'Chapter I (excerpt)', paragraphs: ['In the second century of the Christian Æra, the empire of Rome comprehended the fairest part of the earth, and the most civilised portion of mankind.'] },
    ],
  },
  {
    slug: 'mengxi-bitan', title: '梦溪笔谈', latinTitle: 'Meng Xi Bi Tan', authors: ['沈括'], language: 'zh',
    publisher: PUBLISHER_ZH, published: '1088', description: '北宋沈括所著笔记，记录天文、地理、技术等方面的见闻。',
    subjects: ['科技史', '笔记'], categories: ['science', 'history'], access: 'open', color: '#305f72',
    chapters: [
      zhIntro('被誉为“中国科学史上的坐标”。示范节选收活字印刷一条的开头。'),
      { title: '活板（节选）', paragraphs: ['板印书籍，唐人尚未盛为之。自冯瀛王始印五经，已后典籍，皆为板本。庆历中，有布衣毕昇，又为活板。'] },
    ],
  },
];
