import { signQuery, textMessageXml } from '@workpiece/wechat-protocol/testing';
import type { Browser } from 'playwright-core';
import { launchChromium, type RunningProduct, startProduct } from './product';

describe('the built product', () => {
  let product: RunningProduct;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  }, 30_000);

  it('when a clerk signs in, then the console lists 18-546 at 车体新厂房/3号', async () => {
    const page = await browser.newPage();
    await page.goto(product.baseUrl);

    await page.waitForURL(/\/login/);
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="password"]', product.adminPassword);
    await page.click('button[type="submit"]');

    const row = page.locator('tr[mat-row]', { has: page.locator('.code-cell', { hasText: '18-546' }) });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toContain('车体新厂房/3号');
    await page.close();
  }, 40_000);

  it('when WeChat posts a signed ?18-546, then the reply names its place', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const query = signQuery({ token: product.wechatToken, timestamp, nonce: '424242', openid: 'o-e2e' });

    const response = await fetch(`${product.baseUrl}/wechat?${new URLSearchParams(query as Record<string, string>)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml' },
      body: textMessageXml({ content: '?18-546', fromUser: 'o-e2e', createTime: timestamp, msgId: '7000000000000000001' }),
    });

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<Content><![CDATA[[18-546]的工作台位为[车体新厂房3号]]]></Content>');
  });
});
