/**
 * Block Kit's documented limits (Slack's Block Kit reference), checked over a builder's output.
 * Returns every violation as a readable string so a failing test says exactly what broke.
 */

type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };
const MESSAGE_TEXT_BUDGET = 10_000;

export function blockKitViolations(blocks: any[], surface: Surface): string[] {
  const problems: string[] = [];
  if (blocks.length > MAX_BLOCKS[surface])
    problems.push(`${blocks.length} blocks > ${MAX_BLOCKS[surface]} for a ${surface}`);
  let totalText = 0;
  const text = (where: string, obj: any, max: number) => {
    if (!obj) return;
    const value: string = obj.text ?? '';
    totalText += value.length;
    if (value.length > max) problems.push(`${where}: text ${value.length} > ${max}`);
    if (value.length === 0) problems.push(`${where}: empty text`);
  };
  const id = (where: string, value: unknown) => {
    if (typeof value === 'string' && value.length > 255) problems.push(`${where}: id longer than 255`);
  };
  const element = (where: string, el: any) => {
    id(`${where}.action_id`, el.action_id);
    if (el.type === 'button') {
      text(`${where}.text`, el.text, 75);
      if (el.value && el.value.length > 2000) problems.push(`${where}: button value ${el.value.length} > 2000`);
    }
    if (el.type === 'static_select') {
      if (el.options.length > 100) problems.push(`${where}: ${el.options.length} options > 100`);
      for (const o of el.options) {
        text(`${where}.option`, o.text, 75);
        if (o.value.length > 75) problems.push(`${where}: option value > 75`);
      }
    }
    if (el.type === 'plain_text_input' && el.initial_value && el.max_length && el.initial_value.length > el.max_length)
      problems.push(`${where}: initial_value ${el.initial_value.length} > max_length ${el.max_length}`);
    if (el.placeholder) text(`${where}.placeholder`, el.placeholder, 150);
  };
  blocks.forEach((block, i) => {
    const where = `block ${i} (${block.type})`;
    id(`${where}.block_id`, block.block_id);
    switch (block.type) {
      case 'section':
        text(where, block.text, 3000);
        if (block.fields) {
          if (block.fields.length > 10) problems.push(`${where}: ${block.fields.length} fields > 10`);
          block.fields.forEach((f: any, j: number) => {
            text(`${where}.field ${j}`, f, 2000);
          });
        }
        if (block.accessory) element(`${where}.accessory`, block.accessory);
        break;
      case 'header':
        text(where, block.text, 150);
        break;
      case 'context':
        if (block.elements.length > 10) problems.push(`${where}: ${block.elements.length} elements > 10`);
        block.elements.forEach((e: any, j: number) => {
          text(`${where}.element ${j}`, e, 3000);
        });
        break;
      case 'actions':
        if (block.elements.length > 25) problems.push(`${where}: ${block.elements.length} elements > 25`);
        block.elements.forEach((e: any, j: number) => {
          element(`${where}.element ${j}`, e);
        });
        break;
      case 'input':
        if (surface === 'message') problems.push(`${where}: input blocks do not belong in messages`);
        text(`${where}.label`, block.label, 2000);
        if (block.hint) text(`${where}.hint`, block.hint, 2000);
        element(`${where}.element`, block.element);
        break;
      case 'divider':
        break;
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  if (surface === 'message' && totalText > MESSAGE_TEXT_BUDGET)
    problems.push(`message text ${totalText} > ${MESSAGE_TEXT_BUDGET}`);
  return problems;
}

export function viewViolations(view: any): string[] {
  const surface: Surface = view.type === 'home' ? 'home' : 'modal';
  const problems = blockKitViolations(view.blocks, surface);
  for (const key of ['title', 'submit', 'close'] as const) {
    if (view[key] && view[key].text.length > 24) problems.push(`${key} "${view[key].text}" > 24 characters`);
  }
  if (view.private_metadata && view.private_metadata.length > 3000) problems.push('private_metadata > 3000');
  if (view.callback_id && view.callback_id.length > 255) problems.push('callback_id > 255');
  return problems;
}
