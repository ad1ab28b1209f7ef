import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATES,
  SUPPORT_REPLY_TEMPLATES,
  TEMPLATE_PLACEHOLDERS,
  splitSubject,
  type TemplateId,
} from './templates';
import { renderTemplate, TEMPLATE_MAX_CHARS, validateTemplate } from './render';

describe('default templates', () => {
  it('render the domain wording (initial), with an impact sentence and the next update time', () => {
    const r = renderTemplate('initial', DEFAULT_TEMPLATES.initial, {
      feature: 'Checkout',
      impact: 'Card payments fail.',
      cadence: 30,
      nextUpdateTime: '2:30 PM UTC',
    });
    expect(r).toEqual({
      ok: true,
      text: 'We are aware of an issue affecting Checkout and are investigating. Card payments fail. We will update every 30 minutes; the next update will be posted by 2:30 PM UTC.',
    });
  });

  it('render the domain wording (resolution), with a brief explanation and the post-mortem promise', () => {
    const vars = {
      feature: 'Checkout',
      resolvedTime: '3:00 PM UTC',
      explanation: 'A bad route was rolled back.',
      postmortem: 'We will publish a full post-mortem within 48 hours.',
    };
    const r = renderTemplate('resolution', DEFAULT_TEMPLATES.resolution, vars);
    expect(r.ok && r.text).toBe(
      'This incident has been resolved. All Checkout functionality has been restored as of 3:00 PM UTC. A bad route was rolled back. We will publish a full post-mortem within 48 hours.',
    );
    // the post-mortem sentence is optional: left out cleanly
    const none = renderTemplate('resolution', DEFAULT_TEMPLATES.resolution, {
      ...vars,
      postmortem: '',
    });
    expect(none.ok && none.text).toBe(
      'This incident has been resolved. All Checkout functionality has been restored as of 3:00 PM UTC. A bad route was rolled back.',
    );
  });

  it('an initial template without the impact or the next update time is refused', () => {
    expect(
      validateTemplate('initial', 'Issue with {{feature}}. Updates every {{cadence}} min.').map(
        (p) => p.placeholder,
      ),
    ).toEqual(['impact', 'nextUpdateTime']);
  });

  it('use only their own allowed placeholders', () => {
    for (const id of Object.keys(DEFAULT_TEMPLATES) as TemplateId[]) {
      expect(validateTemplate(id, DEFAULT_TEMPLATES[id]), id).toEqual([]);
    }
  });

  it('the German support reply uses only the support reply placeholders', () => {
    expect(validateTemplate('support_reply', SUPPORT_REPLY_TEMPLATES.de)).toEqual([]);
    expect(SUPPORT_REPLY_TEMPLATES.en).toBe(DEFAULT_TEMPLATES.support_reply);
  });

  it('update template carries the three elements', () => {
    expect(DEFAULT_TEMPLATES.update).toContain('{{impacted}}');
    expect(DEFAULT_TEMPLATES.update).toContain('{{learned}}');
    expect(DEFAULT_TEMPLATES.update).toContain('{{nextUpdateTime}}');
  });

  it('emails have a subject line', () => {
    expect(splitSubject(DEFAULT_TEMPLATES.customer_email).subject).toBe(
      'Service issue affecting {{feature}}',
    );
    expect(splitSubject(DEFAULT_TEMPLATES.exec).subject).toBe('[SEV-{{severity}}] {{title}}');
    expect(splitSubject('no subject').subject).toBe('');
  });

  it('support reply says it is known and not user error', () => {
    expect(DEFAULT_TEMPLATES.support_reply).toMatch(/known issue on our side/);
    expect(DEFAULT_TEMPLATES.support_reply).toMatch(/not by anything you did/);
    expect(TEMPLATE_PLACEHOLDERS.support_reply).toContain('statusPageUrl');
  });
});

describe('validateTemplate', () => {
  it('names an unknown placeholder and the allowed ones', () => {
    const p = validateTemplate('banner', 'Issue with {{featur}}.');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ level: 'error', code: 'unknown_placeholder', start: 11, end: 21 });
    expect(p[0]?.message).toBe(
      'Unknown placeholder {{featur}} in "banner"; allowed: feature, statusPageUrl',
    );
  });

  it('reports unbalanced braces both ways', () => {
    expect(validateTemplate('banner', 'Issue {{feature').map((p) => p.code)).toEqual([
      'unbalanced_braces',
    ]);
    expect(validateTemplate('banner', 'Issue feature}} x').map((p) => p.code)).toEqual([
      'unbalanced_braces',
    ]);
    expect(validateTemplate('banner', '{{feature {{statusPageUrl}}').map((p) => p.code)).toEqual([
      'unbalanced_braces',
    ]);
  });

  it('gives each problem the figures its sentence needs (args), beside the English', () => {
    const args = (text: string) => validateTemplate('banner', text).map((p) => [p.code, p.args]);
    expect(args('Issue with {{featur}}.')).toEqual([
      ['unknown_placeholder', ['featur', 'feature, statusPageUrl']],
    ]);
    expect(args('Issue {{feature')).toEqual([['unbalanced_braces', ['{{', 6]]]);
    expect(args('Issue feature}} x')).toEqual([['unbalanced_braces', ['}}', 13]]]);
    expect(args('x {{fea ture}} y')).toEqual([['invalid_placeholder', ['fea ture']]]);
    expect(args('x {feature} y')).toEqual([['single_braces', ['{feature}', 'feature']]]);
  });

  it('refuses a template longer than TEMPLATE_MAX_CHARS, and only then', () => {
    expect(validateTemplate('banner', 'x'.repeat(TEMPLATE_MAX_CHARS))).toEqual([]);
    const p = validateTemplate('banner', 'x'.repeat(TEMPLATE_MAX_CHARS + 1));
    expect(p.map((x) => [x.level, x.code, x.args])).toEqual([
      ['error', 'too_long', [TEMPLATE_MAX_CHARS]],
    ]);
  });

  it('rejects empty and malformed names, accepts spaces inside braces', () => {
    expect(validateTemplate('banner', 'x {{}} y')[0]?.code).toBe('invalid_placeholder');
    expect(validateTemplate('banner', 'x {{fea ture}} y')[0]?.code).toBe('invalid_placeholder');
    expect(validateTemplate('banner', 'x {{ feature }} y')).toEqual([]);
  });

  it.each([
    ['impacted', 'What we have learned: {{learned}}\nNext update by {{nextUpdateTime}}.'],
    ['learned', 'Still impacted: {{impacted}}\nNext update by {{nextUpdateTime}}.'],
    ['nextUpdateTime', 'Still impacted: {{impacted}}\nWhat we have learned: {{learned}}'],
  ])('refuses an update template without {{%s}}', (name, text) => {
    const p = validateTemplate('update', text);
    expect(p).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'missing_placeholder',
        placeholder: name,
        start: text.length,
        end: text.length,
      }),
    ]);
    expect(p[0]?.message).toContain(`{{${name}}}`);
    expect(p[0]?.message).toMatch(/^The "update" template must contain /);
  });

  it('names every missing update placeholder, in the domain order', () => {
    const p = validateTemplate('update', 'All good.');
    expect(p.map((x) => x.placeholder)).toEqual(['impacted', 'learned', 'nextUpdateTime']);
    expect(p[1]?.message).toBe(
      'The "update" template must contain {{learned}}: every update carries what the team has learned',
    );
  });

  it('does not count a single-braced required name as present', () => {
    const p = validateTemplate('update', '{{impacted}} {learned} {{nextUpdateTime}}');
    expect(p.map((x) => `${x.level}:${x.code}`)).toEqual([
      'warning:single_braces',
      'error:missing_placeholder',
    ]);
  });

  it('does not require the update placeholders in other templates', () => {
    expect(validateTemplate('exec', 'Next update: {{nextUpdateTime}}')).toEqual([]);
  });

  it('warns about single braces around a known name only', () => {
    const p = validateTemplate('banner', 'Issue with {feature} and {json}');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ level: 'warning', code: 'single_braces', placeholder: 'feature' });
  });
});

describe('renderTemplate', () => {
  it('refuses an update template that drops a required element', () => {
    const r = renderTemplate('update', '{{impacted}} / {{nextUpdateTime}}', {
      impacted: 'Checkout',
      learned: 'A misrouted connection',
      nextUpdateTime: '2:30 PM',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.code)).toEqual(['missing_placeholder']);
  });

  it('fails on an unknown placeholder instead of leaving a blank', () => {
    const r = renderTemplate('banner', 'Issue with {{featur}}.', { feature: 'Checkout' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe('unknown_placeholder');
  });

  it('fails on a missing, null or blank value', () => {
    for (const v of [undefined, null, '', '   ']) {
      const r = renderTemplate('banner', DEFAULT_TEMPLATES.banner, {
        feature: v,
        statusPageUrl: 'https://status.example.com',
      });
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.problems.map((p) => p.message)).toEqual([
          'Missing value for {{feature}} in "banner"',
        ]);
    }
  });

  it('does not expand placeholders inside values', () => {
    const r = renderTemplate('banner', '{{feature}}/{{statusPageUrl}}', {
      feature: '{{statusPageUrl}}',
      statusPageUrl: 5,
    });
    expect(r).toEqual({ ok: true, text: '{{statusPageUrl}}/5' });
  });

  it('renders a placeholder used twice and ignores unused allowed names', () => {
    const r = renderTemplate('banner', '{{feature}} and {{ feature }}', { feature: 'API' });
    expect(r).toEqual({ ok: true, text: 'API and API' });
  });
});
