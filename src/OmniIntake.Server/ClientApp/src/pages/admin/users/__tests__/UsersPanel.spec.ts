import { type DOMWrapper, flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/api/client";
import { makeI18n } from "@/i18n";
import { i18nZh } from "@/pages/case/__tests__/fixtures";
import { adminApi, type StaffUser } from "../../adminApi";
import UsersPanel from "../UsersPanel.vue";

const departments = [{ id: 1, code: "eng", name: "工程部" }, { id: 2, code: "property", name: "物业部" }];
const people: StaffUser[] = [
  { id: 1, username: "admin", displayName: "系统管理员", roles: ["admin", "supervisor", "agent"], departmentId: null, disabled: false },
  { id: 2, username: "zhao", displayName: "赵经理", roles: ["owner"], departmentId: 2, disabled: false },
  { id: 3, username: "qian", displayName: "钱客服", roles: ["agent"], departmentId: null, disabled: true },
];

afterEach(() => vi.restoreAllMocks());

/** The button whose text starts with <text> (fails the test when there is none). */
function button(row: Pick<DOMWrapper<Element>, "findAll">, text: string) {
  const found = row.findAll("button").find((b) => b.text().startsWith(text));
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

async function mounted(locale: "zh-CN" | "en" = "zh-CN") {
  const wrapper = mount(UsersPanel, {
    props: { departments, me: "admin" },
    global: { plugins: [locale === "zh-CN" ? i18nZh() : makeI18n("en")] },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

describe("the admin's users", () => {
  it("lists each user by display name with roles, an owner's department and the account's state", async () => {
    vi.spyOn(adminApi, "users").mockResolvedValue(people);
    const wrapper = await mounted();
    const zhao = wrapper.get("tr[data-user=zhao]").findAll("td").map((c) => c.text());
    expect(zhao.slice(0, 5)).toEqual(["赵经理", "zhao", "部门投诉负责人", "物业部", "启用"]);
    expect(wrapper.get("tr[data-user=qian]").text()).toContain("已停用");
    // The admin's own account offers no switch-off (the hub refuses it too).
    expect(wrapper.get("tr[data-user=admin]").text()).not.toContain("停用");
    expect(wrapper.get("tr[data-user=qian]").text()).toContain("启用");
    wrapper.unmount();
  });

  it("creates an owner only with a department, and says the hub's refusal in Chinese", async () => {
    vi.spyOn(adminApi, "users").mockResolvedValue(people);
    const create = vi.spyOn(adminApi, "createUser")
      .mockRejectedValueOnce(new ApiError(409, { code: "account.username-taken", title: "Username taken", status: 409 }))
      .mockResolvedValueOnce({ id: 4, username: "sun", displayName: "孙主任", roles: ["owner"], departmentId: 1, disabled: false });
    const wrapper = await mounted();
    await wrapper.get("#new-username").setValue("sun");
    await wrapper.get("#new-display-name").setValue("孙主任");
    await wrapper.get("#new-password").setValue("a-long-password-1");
    await wrapper.get("input[name=new-roles][value=agent]").setValue(false);
    await wrapper.get("input[name=new-roles][value=owner]").setValue(true);
    await wrapper.get("[data-test=new-user]").trigger("submit");
    expect(wrapper.get("[data-test=users-problem]").text()).toBe("部门投诉负责人需要选择所负责的部门。");
    expect(create).not.toHaveBeenCalled();

    await wrapper.get("#new-department").setValue("1");
    await wrapper.get("[data-test=new-user]").trigger("submit");
    await flushPromises();
    expect(wrapper.get("[data-test=users-problem]").text()).toBe("该用户名已被使用。");
    await wrapper.get("[data-test=new-user]").trigger("submit");
    await flushPromises();
    expect(create).toHaveBeenLastCalledWith({ username: "sun", displayName: "孙主任", password: "a-long-password-1", roles: ["owner"], departmentId: 1 });
    expect(wrapper.get("[data-test=users-notice]").text()).toBe("已添加用户“孙主任”。");
    wrapper.unmount();
  });

  it("edits roles and department, switches an account off, and resets a password, in English too", async () => {
    vi.spyOn(adminApi, "users").mockResolvedValue(people);
    const update = vi.spyOn(adminApi, "updateUser").mockResolvedValue(undefined);
    const disable = vi.spyOn(adminApi, "setDisabled").mockResolvedValue(undefined);
    const password = vi.spyOn(adminApi, "setPassword").mockResolvedValue(undefined);
    const wrapper = await mounted("en");
    const row = wrapper.get("tr[data-user=zhao]");
    await button(row, "Edit").trigger("click");
    expect(wrapper.get("label[for=edit-department-2]").text()).toBe("Department (required for complaint owners)");
    await wrapper.get("#edit-name-2").setValue("Manager Zhao");
    await wrapper.get("#edit-department-2").setValue("1");
    await wrapper.get("form[aria-label='Edit user: 赵经理']").trigger("submit");
    await flushPromises();
    expect(update).toHaveBeenCalledWith(2, { displayName: "Manager Zhao", roles: ["owner"], departmentId: 1, unlock: true });

    await button(wrapper.get("tr[data-user=zhao]"), "Switch off").trigger("click");
    await flushPromises();
    expect(disable).toHaveBeenCalledWith(2, true);
    expect(wrapper.get("[data-test=users-notice]").text()).toBe("“赵经理” is switched off.");

    await button(wrapper.get("tr[data-user=qian]"), "Reset password").trigger("click");
    await wrapper.get("#reset-3").setValue("another-password-2");
    await wrapper.get("form[aria-label='Reset the password of 钱客服']").trigger("submit");
    await flushPromises();
    expect(password).toHaveBeenCalledWith(3, "another-password-2");
    wrapper.unmount();
  });
});
