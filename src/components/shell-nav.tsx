"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { MenuSection, Portal } from "@/domain/auth/portals";
import { LogoutButton } from "./logout-button";
import { useModal } from "./dialog";

/**
 * The item for this page: its own path, or the nearest item above it (a portal's 工作台 only for itself), so
 * /org/payments/fees marks 收费标准 and not 缴费管理 as well.
 */
function currentHref(menu: MenuSection[], path: string): string | undefined {
  let best: string | undefined;
  for (const s of menu)
    for (const { href } of s.items)
      if ((path === href || (href !== "/" + path.split("/")[1] && path.startsWith(href + "/"))) && (!best || href.length > best.length)) best = href;
  return best;
}

function activeSection(menu: MenuSection[], path: string): MenuSection | undefined {
  const here = currentHref(menu, path);
  return menu.find((s) => s.items.some((i) => i.href === here)) ?? menu[0];
}

/** One page of the menu, in the sub-menu and in the phone's drawer alike. */
function MenuLink({ href, label, on, onClick }: { href: string; label: string; on: boolean; onClick?: () => void }) {
  return (
    <Link
      href={href}
      aria-current={on ? "page" : undefined}
      onClick={onClick}
      className={`block border-l-4 px-4 py-2.5 text-sm md:py-2 ${on ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-transparent text-slate-700 hover:bg-slate-50"}`}
    >
      {label}
    </Link>
  );
}

export function ShellNav({ menu, variant }: { menu: MenuSection[]; variant: "top" | "side" }) {
  const path = usePathname();
  const here = currentHref(menu, path);
  const current = activeSection(menu, path);
  if (variant === "top")
    return (
      <nav aria-label="主菜单" className="hidden gap-1 overflow-x-auto bg-brand-700 px-2 text-sm md:flex">
        {menu.map((s) => (
          <Link
            key={s.label}
            href={s.items[0].href}
            className={`whitespace-nowrap px-4 py-2.5 ${s === current ? "bg-white/15 font-semibold" : "text-white/85 hover:bg-white/10"}`}
          >
            {s.label}
          </Link>
        ))}
      </nav>
    );
  if (!current || current.items.length < 1) return null;
  return (
    <aside className="hidden w-48 shrink-0 border-r border-slate-200 bg-white md:block">
      <div className="px-4 pb-2 pt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">{current.label}</div>
      <nav aria-label="子菜单" className="flex flex-col">
        {current.items.map((i) => (
          <MenuLink key={i.href} href={i.href} label={i.label} on={i.href === here} />
        ))}
      </nav>
    </aside>
  );
}

/**
 * Below md the top bar and the sub-menu give way to one button and a drawer holding the whole menu, every
 * section with its items (a modal dialog: focus stays inside, Esc closes it, so does choosing a page).
 */
export function MenuDrawer({ menu }: { menu: MenuSection[] }) {
  const path = usePathname();
  const here = currentHref(menu, path);
  const [open, setOpen] = useState(false);
  const ref = useModal(open);
  return (
    <div className="md:hidden">
      <button
        type="button"
        className="flex items-center gap-1 rounded px-2 py-1 text-sm hover:bg-white/10"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden className="text-lg leading-none">
          ☰
        </span>
        菜单
      </button>
      <dialog
        ref={ref}
        aria-label="导航菜单"
        onClose={() => setOpen(false)}
        onClick={(e) => e.target === ref.current && setOpen(false)}
        className="m-0 h-full max-h-none w-72 max-w-[85vw] overflow-y-auto bg-white p-0 text-slate-800 shadow-xl backdrop:bg-black/40"
      >
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
          <span className="font-semibold">导航菜单</span>
          <button type="button" className="px-2 text-slate-500 hover:text-slate-800" onClick={() => setOpen(false)} aria-label="关闭菜单">
            ✕
          </button>
        </div>
        <nav aria-label="导航菜单" className="pb-6">
          {menu.map((s) => (
            <div key={s.label}>
              <div className="px-4 pb-1 pt-4 text-xs font-semibold text-slate-500">{s.label}</div>
              {s.items.map((i) => (
                <MenuLink key={i.href} href={i.href} label={i.label} on={i.href === here} onClick={() => setOpen(false)} />
              ))}
            </div>
          ))}
        </nav>
      </dialog>
    </div>
  );
}

export function UserMenu({ name, role, portal }: { name: string; role: string; portal: Portal }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("click", close);
    return () => document.removeEventListener("click", close);
  }, []);
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        className="flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-white/10"
        onClick={() => setOpen(!open)}
        aria-haspopup="menu"
        aria-expanded={open}
      >
        <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-full bg-white/20 text-xs">
          {name.slice(0, 1)}
        </span>
        <span className="hidden text-left sm:block">
          <span className="block leading-tight">{name}</span>
          <span className="block text-xs leading-tight text-white/70">{role}</span>
        </span>
        {/* The visible name and role come first in the accessible name, as axe asks. */}
        <span className="sr-only">用户菜单</span>
        <span aria-hidden>▾</span>
      </button>
      {open && (
        <div role="menu" className="absolute right-0 z-20 mt-1 w-36 rounded border border-slate-200 bg-white py-1 text-sm text-slate-700 shadow-lg">
          <Link role="menuitem" href="/account/profile" className="block px-4 py-2 hover:bg-slate-50">
            修改资料
          </Link>
          <Link role="menuitem" href="/account/password" className="block px-4 py-2 hover:bg-slate-50">
            修改密码
          </Link>
          <LogoutButton role="menuitem" portal={portal} className="block w-full px-4 py-2 text-left hover:bg-slate-50" />
        </div>
      )}
    </div>
  );
}
