/** The demo library's books. ISBN check digits are computed, so every ISBN validates. */
export interface DemoBook {
  title: string;
  author: string;
  /** The first twelve digits of the ISBN-13. */
  isbn12: string;
  callNumber: string;
}

/** On the shelf, barcodes 39010001–39010040 in this order. */
export const SHELF_BOOKS: readonly DemoBook[] = [
  { title: '红楼梦', author: '曹雪芹', isbn12: '978702000220', callNumber: 'I242.47/12' },
  { title: '三体', author: '刘慈欣', isbn12: '978753669293', callNumber: 'I247.55/201' },
  { title: '活着', author: '余华', isbn12: '978750636543', callNumber: 'I247.57/118' },
  { title: '围城', author: '钱锺书', isbn12: '978702009000', callNumber: 'I246.5/31' },
  { title: '平凡的世界', author: '路遥', isbn12: '978753021200', callNumber: 'I247.57/86' },
  { title: '骆驼祥子', author: '老舍', isbn12: '978702008243', callNumber: 'I246.5/27' },
  { title: '边城', author: '沈从文', isbn12: '978753543066', callNumber: 'I246.5/45' },
  { title: '呐喊', author: '鲁迅', isbn12: '978702005542', callNumber: 'I210.6/3' },
  { title: '家', author: '巴金', isbn12: '978702000873', callNumber: 'I246.5/19' },
  { title: '白鹿原', author: '陈忠实', isbn12: '978702009034', callNumber: 'I247.57/92' },
  { title: '朝花夕拾', author: '鲁迅', isbn12: '978702013962', callNumber: 'I210.4/7' },
  { title: '西游记', author: '吴承恩', isbn12: '978702000872', callNumber: 'I242.4/8' },
  { title: '水浒传', author: '施耐庵', isbn12: '978702000868', callNumber: 'I242.4/5' },
  { title: '三国演义', author: '罗贯中', isbn12: '978702000866', callNumber: 'I242.4/3' },
  { title: '许三观卖血记', author: '余华', isbn12: '978750636544', callNumber: 'I247.57/119' },
  { title: '长恨歌', author: '王安忆', isbn12: '978702011587', callNumber: 'I247.5/233' },
  { title: '繁花', author: '金宇澄', isbn12: '978753215234', callNumber: 'I247.5/305' },
  { title: '人间词话', author: '王国维', isbn12: '978753256132', callNumber: 'I207.23/14' },
  { title: '乡土中国', author: '费孝通', isbn12: '978720811502', callNumber: 'C912.82/6' },
  { title: '万历十五年', author: '黄仁宇', isbn12: '978710800982', callNumber: 'K248.07/2' },
  { title: '茶馆', author: '老舍', isbn12: '978702011249', callNumber: 'I234/11' },
  { title: '城南旧事', author: '林海音', isbn12: '978753068424', callNumber: 'I287.45/58' },
  { title: '文化苦旅', author: '余秋雨', isbn12: '978753548244', callNumber: 'I267/162' },
  { title: '三体Ⅱ：黑暗森林', author: '刘慈欣', isbn12: '978753669364', callNumber: 'I247.55/202' },
  { title: 'The Little Prince', author: 'Antoine de Saint-Exupéry', isbn12: '978015601219', callNumber: 'I565.88/S13' },
  { title: 'Pride and Prejudice', author: 'Jane Austen', isbn12: '978014143951', callNumber: 'I561.44/A93' },
  { title: 'Jane Eyre', author: 'Charlotte Brontë', isbn12: '978014144114', callNumber: 'I561.44/B86' },
  { title: 'To Kill a Mockingbird', author: 'Harper Lee', isbn12: '978006112008', callNumber: 'I712.45/L47' },
  { title: 'The Old Man and the Sea', author: 'Ernest Hemingway', isbn12: '978068480122', callNumber: 'I712.45/H48' },
  { title: 'Nineteen Eighty-Four', author: 'George Orwell', isbn12: '978014118776', callNumber: 'I561.45/O79' },
  { title: 'The Great Gatsby', author: 'F. Scott Fitzgerald', isbn12: '978074327356', callNumber: 'I712.45/F55' },
  { title: "Harry Potter and the Philosopher's Stone", author: 'J. K. Rowling', isbn12: '978074753269', callNumber: 'I561.84/R88' },
  { title: "Charlotte's Web", author: 'E. B. White', isbn12: '978006440055', callNumber: 'I712.85/W58' },
  { title: 'A Brief History of Time', author: 'Stephen Hawking', isbn12: '978055338016', callNumber: 'P159-49/H39' },
  { title: 'Sapiens: A Brief History of Humankind', author: 'Yuval Noah Harari', isbn12: '978009959008', callNumber: 'K02-49/H29' },
  { title: 'The Hobbit', author: 'J. R. R. Tolkien', isbn12: '978026110221', callNumber: 'I561.45/T65' },
  { title: 'Little Women', author: 'Louisa May Alcott', isbn12: '978014119235', callNumber: 'I712.44/A35' },
  { title: 'Wuthering Heights', author: 'Emily Brontë', isbn12: '978014143955', callNumber: 'I561.44/B87' },
  { title: "Alice's Adventures in Wonderland", author: 'Lewis Carroll', isbn12: '978014143976', callNumber: 'I561.84/C31' },
  { title: 'Animal Farm', author: 'George Orwell', isbn12: '978014118270', callNumber: 'I561.45/O79-2' },
];

export const RESERVED_BOOK: DemoBook = { title: '秋园', author: '杨本芬', isbn12: '978755985216', callNumber: 'I251/33' };
export const REFERENCE_BOOK: DemoBook = {
  title: '现代汉语词典（第7版）',
  author: '中国社会科学院语言研究所词典编辑室',
  isbn12: '978710012450',
  callNumber: 'H164/1',
};
export const LOANED_BOOKS = {
  dueSoon: { title: '解忧杂货店', author: '东野圭吾', isbn12: '978754424329', callNumber: 'I313.45/216' },
  dueLater: { title: '百年孤独', author: '加西亚·马尔克斯', isbn12: '978754426094', callNumber: 'I775.45/3' },
  longOverdue: { title: '追风筝的人', author: '卡勒德·胡赛尼', isbn12: '978720806319', callNumber: 'I712.45/512' },
} satisfies Record<string, DemoBook>;

/**
 * Barcodes 39010043–39010048: their ISBNs are those of the real barcode photos in
 * ../shared/testdata/barcodes/ean13/, so holding a photo up to the camera borrows the copy.
 */
export const CAMERA_DEMO_BOOKS: readonly DemoBook[] = [
  '978014001399', '978039305867', '978155860497', '978076454420', '978044101498', '978067960105',
].map((isbn12, i) => ({
  title: `条码示范图书 ${i + 1}`,
  author: '示范县图书馆',
  isbn12,
  callNumber: `Z88/${i + 1}`,
}));
