import type ApexCharts from 'apexcharts';
import type { ApexOptions } from 'apexcharts';
import { createEffect, on, onCleanup, onMount } from 'solid-js';

/**
 * One ApexCharts chart: the library is loaded on first use (only the dashboard and the wall
 * need it), the chart is created on mount, updated in place when the data changes (no redraw,
 * no flicker) and destroyed on cleanup.
 */
export function ApexChart(props: {
  options: ApexOptions;
  series: ApexOptions['series'];
  categories?: string[];
  label: string;
  class?: string;
}) {
  let element!: HTMLDivElement;
  let chart: ApexCharts | undefined;
  let isDisposed = false;

  onMount(async () => {
    const [{ default: Apex }, fr] = await Promise.all([
      import('apexcharts'),
      import('apexcharts/dist/locales/fr.json'),
    ]);
    if (isDisposed) return;
    chart = new Apex(element, {
      ...props.options,
      chart: {
        ...props.options.chart,
        locales: [fr.default ?? fr],
        defaultLocale: 'fr',
        fontFamily: 'inherit',
        animations: { enabled: true, dynamicAnimation: { enabled: true, speed: 300 } },
      },
      series: props.series,
      ...(props.categories
        ? { xaxis: { ...props.options.xaxis, categories: props.categories } }
        : {}),
    });
    await chart.render();
  });

  createEffect(
    on(
      () => [props.series, props.categories, props.options.labels] as const,
      ([series, categories, labels]) => {
        if (!chart) return;
        if (categories)
          void chart.updateOptions({ xaxis: { ...props.options.xaxis, categories } }, false, false);
        // A donut's slices are named by `labels`: a kind that appears or goes renames them.
        if (labels) void chart.updateOptions({ labels }, false, false);
        if (series) void chart.updateSeries(series, true);
      },
      { defer: true },
    ),
  );

  onCleanup(() => {
    isDisposed = true;
    chart?.destroy();
  });

  return <div ref={element} class={props.class} role="img" aria-label={props.label} />;
}
